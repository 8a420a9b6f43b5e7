// Owns the `memberships` table: a user's role in a workspace.
import type { TableDef } from './TableDef.ts';

export const memberships = {
  name: 'memberships',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'user_id'], index: 'memberships_pk', unique: true },
  // "Which workspaces is this user in" runs on every node (once per sign-in and workspace switch).
  indexes: { memberships_user: { columns: ['user_id'] } },
  columns: {
    workspace_id: { type: 'text' },
    user_id: { type: 'text' },
    role: { type: 'text' },
    created_at: { type: 'timestamp' },
  },
} as const satisfies TableDef;
