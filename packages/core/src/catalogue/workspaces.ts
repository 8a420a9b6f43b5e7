// Owns the `workspaces` table: one row per workspace. Global (the team overview lists them all).
import type { TableDef } from './TableDef.ts';

export const workspaces = {
  name: 'workspaces',
  distribution: 'reference',
  key: { columns: ['id'], index: 'workspaces_pk', unique: true },
  columns: {
    id: { type: 'text' },
    name: { type: 'text' },
    created_at: { type: 'timestamp' },
  },
} as const satisfies TableDef;
