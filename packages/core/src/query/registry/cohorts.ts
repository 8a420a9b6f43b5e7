// Owns the `cohort` dimension: the user cohorts a message's user belongs to (analytics_cohort_members).
import { cohortMembers } from '../../catalogue/cohortMembers.ts';
import type { RegistrySubject } from './types.ts';

export const cohortsSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [],
  metrics: [],
  dimensions: [
    {
      id: 'cohort',
      grain: 'message',
      sql: (x) => `${x.m}.cohort_id`,
      columns: ['cohort_id'],
      membership: {
        key: 'user_id',
        table: cohortMembers.name,
        setColumn: 'cohort_id',
        memberColumn: 'user_id',
      },
      type: 'string',
      unit: 'none',
      description:
        "The cohorts (ids) of the conversation's user, as last materialised. Filters (`eq`, `in`, `neq`, `not_in`) keep the messages of the cohorts' members; grouping counts a message once in each cohort of its user (null: in none).",
      groupable: true,
    },
  ],
};
