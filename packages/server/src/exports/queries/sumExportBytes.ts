// Owns the bytes a workspace's unexpired export files take (what its quota counts).
import type { Db } from '../../store/Store.ts';

export async function sumExportBytes(db: Db, workspaceId: string, nowMs: number): Promise<number> {
  const [r] = await db.query<{ n: number | string | null }>(
    `SELECT sum(file_bytes) AS n FROM analytics_exports
      WHERE workspace_id = $1 AND status = 'done' AND expires_ms > $2`,
    [workspaceId, nowMs],
  );
  return Number(r?.n ?? 0);
}
