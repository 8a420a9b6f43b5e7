// Owns the `analytics_alert_defaults` table: which workspaces were given the suggested alert rules.
import type { TableDef } from './TableDef.ts';

// A mark per workspace, so the suggestions are made once: a suggested rule someone deleted stays deleted.
export const alertDefaults = {
  name: 'analytics_alert_defaults',
  distribution: 'workspace',
  key: { columns: ['workspace_id'], index: 'analytics_alert_defaults_pk', unique: true },
  columns: {
    workspace_id: { type: 'text' },
    created_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
