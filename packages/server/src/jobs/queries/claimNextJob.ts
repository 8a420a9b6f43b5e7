// Owns claiming the next due job for one runner: marks it running, as one statement.
import { type DialectName, getDialect } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';
import { JOB_COLUMNS, type StoredJob } from '../StoredJob.ts';

/**
 * On PostgreSQL the inner SELECT skips rows another instance's claim holds, so concurrent runners each take a
 * different job; the outer `status = 'queued'` re-checks the row under its lock all the same. DuckDB has one
 * process, whose claims run alone on the writer (Store.transaction).
 */
export async function claimNextJob(
  db: Db,
  dialect: DialectName,
  runnerId: string,
  nowMs: number,
): Promise<StoredJob | undefined> {
  const [row] = await db.query<StoredJob & Record<string, unknown>>(
    `UPDATE jobs SET status = 'running', claimed_by = $1, started_ms = $2, heartbeat_ms = $2,
         attempts = attempts + 1, error = NULL
       WHERE status = 'queued' AND id = (
         SELECT id FROM jobs WHERE status = 'queued' AND run_at_ms <= $2 ORDER BY run_at_ms, id LIMIT 1
         ${getDialect(dialect).skipLocked})
       RETURNING ${JOB_COLUMNS}`,
    [runnerId, nowMs],
  );
  return row;
}
