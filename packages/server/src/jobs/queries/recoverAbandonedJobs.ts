// Owns taking back jobs whose runner died: running with a heartbeat older than the limit.
import type { Db } from '../../store/Store.ts';

/** Re-queues them, or fails those already claimed `maxAttempts` times; returns how many of each. */
export async function recoverAbandonedJobs(
  db: Db,
  staleBeforeMs: number,
  maxAttempts: number,
  nowMs: number,
): Promise<{ requeued: number; failed: number }> {
  const stale = "status = 'running' AND (heartbeat_ms IS NULL OR heartbeat_ms < $1)";
  const failed = await db.query(
    `UPDATE jobs SET status = 'failed', finished_ms = $3,
         error = 'abandoned: its runner stopped while it ran, ' || CAST(attempts AS VARCHAR) || ' times'
       WHERE ${stale} AND attempts >= $2 RETURNING id`,
    [staleBeforeMs, maxAttempts, nowMs],
  );
  const requeued = await db.query(
    `UPDATE jobs SET status = 'queued', claimed_by = NULL, started_ms = NULL, heartbeat_ms = NULL,
         run_at_ms = $3
       WHERE ${stale} AND attempts < $2 RETURNING id`,
    [staleBeforeMs, maxAttempts, nowMs],
  );
  return { requeued: requeued.length, failed: failed.length };
}
