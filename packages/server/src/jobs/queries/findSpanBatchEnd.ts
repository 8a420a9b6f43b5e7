// Owns where one retention batch ends: the start time of a workspace's `batch`-th oldest span before a time.
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

/**
 * As text with every microsecond (the same cast on both engines), or null when fewer old spans remain. Read
 * outside the deleting transaction: on DuckDB this sort is most of a batch's cost, and a read does not hold
 * the writer.
 */
export async function findSpanBatchEnd(
  db: Db,
  workspaceId: string,
  beforeMs: number,
  batch: number,
): Promise<string | null> {
  const [row] = await db.query<{ t: string }>(
    `SELECT CAST(start_time AS VARCHAR) AS t FROM spans
       WHERE workspace_id = $1 AND start_time < CAST($2 AS TIMESTAMP)
       ORDER BY start_time LIMIT 1 OFFSET ${Math.max(0, Math.trunc(batch) - 1)}`,
    [workspaceId, sqlTimestamp(new Date(beforeMs))],
  );
  return row?.t ?? null;
}
