// Owns finding a trace's root span (its earliest span without a parent), for the seed's child spans.
import type { Db } from '../../store/Store.ts';

export async function findTraceRoot(db: Db, workspaceId: string, traceId: string): Promise<string | null> {
  const [row] = await db.query<{ span_id: string }>(
    `SELECT span_id FROM spans
     WHERE workspace_id = $1 AND trace_id = $2 AND parent_span_id IS NULL
     ORDER BY start_time, span_id LIMIT 1`,
    [workspaceId, traceId],
  );
  return row?.span_id ?? null;
}
