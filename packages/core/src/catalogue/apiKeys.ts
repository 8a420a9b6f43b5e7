// Owns the `api_keys` table. Global: every request is authenticated by the key's hash before its workspace is known.
import type { TableDef } from './TableDef.ts';

export const apiKeys = {
  name: 'api_keys',
  distribution: 'reference',
  key: { columns: ['id'], index: 'api_keys_pk', unique: true },
  indexes: { api_keys_hash: { columns: ['hash'] } },
  columns: {
    id: { type: 'text' },
    workspace_id: { type: 'text' },
    name: { type: 'text', nullable: true },
    prefix: { type: 'text' },
    hash: { type: 'text' },
    scope: { type: 'text' },
    created_by: { type: 'text', nullable: true },
    created_at: { type: 'timestamp' },
    last_used_at: { type: 'timestamp', nullable: true },
    revoked_at: { type: 'timestamp', nullable: true },
  },
} as const satisfies TableDef;
