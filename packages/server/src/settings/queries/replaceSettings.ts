// Owns replacing a workspace's settings document (run it in a transaction).
import type { Db } from '../../store/Store.ts';

/** Delete then insert: atomic only inside one transaction (Store.transaction). */
export async function replaceSettings(db: Db, workspaceId: string, json: string): Promise<void> {
  await db.query('DELETE FROM settings WHERE workspace_id = $1', [workspaceId]);
  await db.query('INSERT INTO settings (workspace_id, value, updated_at) VALUES ($1, $2, now())', [
    workspaceId,
    json,
  ]);
}
