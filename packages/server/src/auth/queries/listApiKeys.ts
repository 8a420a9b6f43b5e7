// Owns listing a workspace's API keys (one when `id` is given), oldest first, without hashes.
import type { ApiKeyInfo } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export async function listApiKeys(db: Db, workspaceId: string, id?: string): Promise<ApiKeyInfo[]> {
  return db.query<ApiKeyInfo & Record<string, unknown>>(
    `SELECT id, workspace_id, name, prefix, scope, created_by, created_at, last_used_at, revoked_at
       FROM api_keys WHERE workspace_id = $1 ${id ? 'AND id = $2' : ''} ORDER BY created_at`,
    id ? [workspaceId, id] : [workspaceId],
  );
}
