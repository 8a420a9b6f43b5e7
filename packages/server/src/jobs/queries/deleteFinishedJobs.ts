// Owns pruning the jobs history: finished jobs (succeeded, failed, cancelled) that ended before a time.
import type { Db } from '../../store/Store.ts';

export async function deleteFinishedJobs(db: Db, beforeMs: number): Promise<number> {
  const rows = await db.query(
    `DELETE FROM jobs WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_ms < $1 RETURNING id`,
    [beforeMs],
  );
  return rows.length;
}
