// Owns ending a running job: succeeded with its result, failed with its error, or back to queued.
import type { Db } from '../../store/Store.ts';

export type JobEnd =
  | { status: 'succeeded'; result: string }
  | { status: 'failed'; error: string }
  /** Handed back (the runner stops): the claim does not count as an attempt. */
  | { status: 'queued' };

/** Only while the job is still this runner's; false when it is not (another runner took it over). */
export async function finishJob(
  db: Db,
  id: string,
  runnerId: string,
  nowMs: number,
  end: JobEnd,
): Promise<boolean> {
  const params = [id, runnerId, nowMs];
  const set =
    end.status === 'succeeded'
      ? `status = 'succeeded', progress = 1, result = $${params.push(end.result)}, finished_ms = $3`
      : end.status === 'failed'
        ? `status = 'failed', error = $${params.push(end.error)}, finished_ms = $3`
        : `status = 'queued', claimed_by = NULL, started_ms = NULL, heartbeat_ms = NULL,
           attempts = attempts - 1, run_at_ms = $3`;
  const rows = await db.query(
    `UPDATE jobs SET ${set} WHERE id = $1 AND claimed_by = $2 AND status = 'running' RETURNING id`,
    params,
  );
  return rows.length > 0;
}
