// Owns counting a workspace's spans that started before a time (what retention will remove).
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export async function countSpansBefore(db: Db, workspaceId: string, beforeMs: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*) AS n FROM spans WHERE workspace_id = $1 AND start_time < CAST($2 AS TIMESTAMP)',
    [workspaceId, sqlTimestamp(new Date(beforeMs))],
  );
  return Number(row.n);
}
