// Owns the `benchmarks` table: the workspace's evaluation suites (one row per benchmark id).
import type { TableDef } from './TableDef.ts';

export const benchmarks = {
  name: 'benchmarks',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'benchmarks_pk', unique: true },
  columns: {
    workspace_id: { type: 'text', ingest: false },
    id: { type: 'text' },
    name: { type: 'text', nullable: true },
    description: { type: 'text', nullable: true },
    task_type: { type: 'text', nullable: true },
    dataset: { type: 'text', nullable: true },
    metric: { type: 'text', nullable: true },
    updated_at: { type: 'timestamp', ingest: false },
  },
} as const satisfies TableDef;
