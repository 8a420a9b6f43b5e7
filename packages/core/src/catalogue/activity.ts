// Owns the `activity` table: a workspace's audit log (at_ms in epoch milliseconds, as sessions' times).
import type { TableDef } from './TableDef.ts';

export const activity = {
  name: 'activity',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'activity_pk', unique: true },
  indexes: { activity_time: { columns: ['workspace_id', 'at_ms'] } },
  columns: {
    id: { type: 'text' },
    workspace_id: { type: 'text' },
    at_ms: { type: 'bigint' },
    actor: { type: 'text' },
    action: { type: 'text' },
    target: { type: 'text', nullable: true },
    details: { type: 'text', nullable: true },
  },
} as const satisfies TableDef;
