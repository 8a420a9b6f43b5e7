// Owns deleting one batch of a workspace's spans that started before a time: the oldest ones first.
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

/**
 * Deletes the spans up to the start time of the `batch`-th oldest (all of them when fewer remain), so a batch
 * is a range of the time index (PostgreSQL) or of row groups' time statistics (DuckDB), not a list of keys.
 * Spans sharing that start time go in the same batch, which can make it a little larger. Returns how many.
 */
export async function deleteSpansBefore(
  db: Db,
  workspaceId: string,
  beforeMs: number,
  batch: number,
): Promise<number> {
  const old = 'workspace_id = $1 AND start_time < CAST($2 AS TIMESTAMP)';
  const rows = await db.query(
    `DELETE FROM spans WHERE ${old} AND start_time <= coalesce(
         (SELECT start_time FROM spans WHERE ${old} ORDER BY start_time LIMIT 1 OFFSET ${Math.trunc(batch) - 1}),
         CAST($2 AS TIMESTAMP))
       RETURNING span_id`,
    [workspaceId, sqlTimestamp(new Date(beforeMs))],
  );
  return rows.length;
}
