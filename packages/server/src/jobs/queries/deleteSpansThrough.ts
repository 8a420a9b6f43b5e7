// Owns deleting one retention batch: a workspace's spans before a time, up to a batch end (run it in a
// transaction).
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

/**
 * Deletes the spans that started before `beforeMs` and at or before `through` (findSpanBatchEnd; null: no
 * further bound) and returns how many. A range of the time index (PostgreSQL) or of row groups' time
 * statistics (DuckDB), not a list of keys. Counted, not RETURNING: on DuckDB RETURNING made a 5,000-span batch
 * of 500k spans ~10× slower (≈300 against ≈20 ms), and the writer is held meanwhile. On DuckDB the transaction
 * runs alone, so the count is exact; on PostgreSQL an old span committed between the two statements would be
 * deleted uncounted.
 */
export async function deleteSpansThrough(
  db: Db,
  workspaceId: string,
  beforeMs: number,
  through: string | null,
): Promise<number> {
  const params = [workspaceId, sqlTimestamp(new Date(beforeMs))];
  const where = `workspace_id = $1 AND start_time < CAST($2 AS TIMESTAMP)${
    through === null ? '' : ` AND start_time <= CAST($${params.push(through)} AS TIMESTAMP)`
  }`;
  const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM spans WHERE ${where}`, params);
  const n = Number(row.n);
  if (n > 0) await db.query(`DELETE FROM spans WHERE ${where}`, params);
  return n;
}
