// Owns a running job's heartbeat and progress, written only while the job is still this runner's.
import type { Db } from '../../store/Store.ts';

/** False when the job is no longer running under `runnerId` (re-queued as abandoned, or cancelled). */
export async function heartbeatJob(
  db: Db,
  id: string,
  runnerId: string,
  nowMs: number,
  progress: number | null,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE jobs SET heartbeat_ms = $3, progress = coalesce($4, progress)
       WHERE id = $1 AND claimed_by = $2 AND status = 'running' RETURNING id`,
    [id, runnerId, nowMs, progress],
  );
  return rows.length > 0;
}
