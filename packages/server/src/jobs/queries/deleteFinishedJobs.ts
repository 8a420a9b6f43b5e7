// Owns pruning the jobs history: finished jobs (succeeded, failed, cancelled) that ended before a time.
import type { Db } from '../../store/Store.ts';

/** Of one kind when `kind` is given, else of every kind. */
export async function deleteFinishedJobs(db: Db, beforeMs: number, kind?: string): Promise<number> {
  const rows = await db.query(
    `DELETE FROM jobs WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_ms < $1${kind ? ' AND kind = $2' : ''} RETURNING id`,
    kind ? [beforeMs, kind] : [beforeMs],
  );
  return rows.length;
}
