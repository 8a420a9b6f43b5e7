// Owns reading which traces have spans stored: every span's workspace and trace id (SeenTraces deduplicates).
import type { Db } from '../../../store/Store.ts';

/**
 * A plain scan, deduplicated by the caller: DuckDB 1.5.6 returned garbage text from aggregates over the spans
 * table after concurrent commits with deletes (`SELECT DISTINCT workspace_id, trace_id`, GROUP BY, even of a
 * concatenation), while a plain scan read the same rows right. Runs once, at start.
 */
export function listStoredTraces(db: Db): Promise<{ workspace_id: string; trace_id: string }[]> {
  return db.query<{ workspace_id: string; trace_id: string }>('SELECT workspace_id, trace_id FROM spans');
}
