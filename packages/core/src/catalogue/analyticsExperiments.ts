// Owns the `analytics_experiments` table: a workspace's A/B experiments (variants, metrics, lifecycle).
import type { TableDef } from './TableDef.ts';

// Times are epoch milliseconds in BIGINT, as jobs' and sessions' are: the same on both engines, no time zones.
// Variants, metric lists and the split are JSON documents: read and written whole, never queried inside.
export const analyticsExperiments = {
  name: 'analytics_experiments',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_experiments_pk', unique: true },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    name: { type: 'text' },
    hypothesis: { type: 'text', nullable: true },
    /** conversation | user: the independent unit of the statistics. */
    unit: { type: 'text' },
    /** draft | running | stopped | concluded */
    status: { type: 'text' },
    status_changed_by: { type: 'text', nullable: true },
    status_changed_ms: { type: 'bigint' },
    /** [{name, session_ids?, filter?}] */
    variants: { type: 'json' },
    control: { type: 'text' },
    primary_metric: { type: 'text' },
    secondary_metrics: { type: 'json' },
    min_effect: { type: 'double', nullable: true },
    planned_split: { type: 'json', nullable: true },
    start_ms: { type: 'bigint', nullable: true },
    end_ms: { type: 'bigint', nullable: true },
    conclusion: { type: 'text', nullable: true },
    created_by: { type: 'text', nullable: true },
    created_ms: { type: 'bigint' },
    updated_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
