// Owns marking one API key of a workspace revoked.
import type { Db } from '../../store/Store.ts';

export async function revokeApiKey(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.query('UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
  ]);
}
