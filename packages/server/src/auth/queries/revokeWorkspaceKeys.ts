// Owns marking every live API key of a workspace revoked.
import type { Db } from '../../store/Store.ts';

export async function revokeWorkspaceKeys(db: Db, workspaceId: string): Promise<void> {
  await db.query('UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND revoked_at IS NULL', [
    workspaceId,
  ]);
}
