// Owns reading a workspace's stored settings document (JSON text or a parsed value).
import type { Db } from '../../store/Store.ts';

export async function findSettings(db: Db, workspaceId: string): Promise<unknown> {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return row?.value;
}
