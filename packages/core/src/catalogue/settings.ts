// Owns the `settings` table: one JSON document of settings per workspace.
import type { TableDef } from './TableDef.ts';

export const settings = {
  name: 'settings',
  distribution: 'workspace',
  key: { columns: ['workspace_id'], index: 'settings_pk', unique: true },
  columns: {
    workspace_id: { type: 'text' },
    value: { type: 'json' },
    updated_at: { type: 'timestamp' },
  },
} as const satisfies TableDef;
