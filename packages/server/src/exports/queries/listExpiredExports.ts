// Owns finding a workspace's exports whose files are past their expiry and not yet deleted.
import type { Db } from '../../store/Store.ts';

export async function listExpiredExports(
  db: Db,
  workspaceId: string,
  nowMs: number,
): Promise<{ id: string; file_path: string | null }[]> {
  return db.query<{ id: string; file_path: string | null }>(
    `SELECT id, file_path FROM analytics_exports
      WHERE workspace_id = $1 AND expires_ms <= $2 AND status = 'done'
      ORDER BY expires_ms, id`,
    [workspaceId, nowMs],
  );
}
