// Owns reading what the GenAI derivation needs of some traces' spans: the tree, and the attributes of LLM spans.
import type { Db } from '../../../store/Store.ts';

export interface TraceSpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: string;
  end_time: string;
  duration_ms: number;
  status_code: number;
  span_type: string | null;
  tool_name: string | null;
  /** JSON (text on DuckDB, parsed on PostgreSQL); LLM spans only. */
  attributes: unknown;
  events: unknown;
}

/** The spans of `traceIds` that start within [fromMs, toMs] (the bound lets DuckDB skip row groups by time). */
export function listTraceSpans(
  db: Db,
  workspaceId: string,
  traceIds: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<TraceSpanRow[]> {
  const list = traceIds.map((_, i) => `$${i + 4}`).join(', ');
  return db.query<TraceSpanRow & Record<string, unknown>>(
    `SELECT trace_id, span_id, parent_span_id, name, start_time, end_time, duration_ms, status_code, span_type,
       tool_name,
       CASE WHEN span_type = 'llm' THEN attributes END AS attributes,
       CASE WHEN span_type = 'llm' THEN events END AS events
     FROM spans
     WHERE workspace_id = $1 AND start_time >= $2 AND start_time <= $3 AND trace_id IN (${list})`,
    [workspaceId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), ...traceIds],
  );
}
