// Owns the `analytics_cohort_members` table: which users each cohort holds, as last materialised.
import type { TableDef } from './TableDef.ts';

// Written whole per cohort by the `cohort_membership` job in one transaction; the compiler's `cohort`
// dimension and filter read it by (workspace, user), so a cohort never needs its own SQL path.
export const cohortMembers = {
  name: 'analytics_cohort_members',
  distribution: 'workspace',
  key: {
    columns: ['workspace_id', 'cohort_id', 'user_id'],
    index: 'analytics_cohort_members_pk',
    unique: true,
  },
  indexes: { analytics_cohort_members_user: { columns: ['workspace_id', 'user_id'] } },
  columns: {
    workspace_id: { type: 'text' },
    cohort_id: { type: 'text' },
    user_id: { type: 'text' },
  },
} as const satisfies TableDef;
