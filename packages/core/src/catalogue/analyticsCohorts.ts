// Owns the `analytics_cohorts` table: a workspace's user cohorts (definition, size, last computation).
import type { TableDef } from './TableDef.ts';

// Times are epoch ms in BIGINT, as experiments' are. The definition is one JSON document (dynamic conditions
// or a static list of user ids), read and written whole; membership lives in analytics_cohort_members.
export const analyticsCohorts = {
  name: 'analytics_cohorts',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_cohorts_pk', unique: true },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    definition: { type: 'json' },
    /** Members at the last computation (null before the first). */
    size: { type: 'bigint', nullable: true },
    /** Static cohorts: uploaded ids with no conversation in the data at the last computation. */
    unmatched: { type: 'bigint', nullable: true },
    /** pending | computing | ready | failed */
    status: { type: 'text' },
    error: { type: 'text', nullable: true },
    computed_ms: { type: 'bigint', nullable: true },
    created_by: { type: 'text', nullable: true },
    created_ms: { type: 'bigint' },
    updated_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
