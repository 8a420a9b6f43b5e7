// Owns reading one trace's spans, by start time: the key prefix (workspace_id, trace_id) of spans_pk.
import type { Db } from '../../store/Store.ts';

export interface SpanRecord {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: number;
  start_time: string;
  end_time: string;
  duration_ms: number;
  status_code: number;
  status_message: string | null;
  /** JSON: text on DuckDB, parsed on PostgreSQL. */
  attributes: unknown;
  resource_attributes: unknown;
  events: unknown;
  links: unknown;
  service_name: string | null;
  scope_name: string | null;
  span_type: string | null;
  model_id: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  conversation_id: string | null;
  tool_name: string | null;
}

/** At most `limit` spans (the earliest): a runaway trace must not become one unbounded reply. */
export function listTraceSpans(
  db: Db,
  workspaceId: string,
  traceId: string,
  limit: number,
): Promise<SpanRecord[]> {
  return db.query<SpanRecord & Record<string, unknown>>(
    `SELECT trace_id, span_id, parent_span_id, name, kind, start_time, end_time, duration_ms, status_code,
       status_message, attributes, resource_attributes, events, links, service_name, scope_name, span_type,
       model_id, provider, input_tokens, output_tokens, conversation_id, tool_name
     FROM spans WHERE workspace_id = $1 AND trace_id = $2
     ORDER BY start_time, span_id
     LIMIT $3`,
    [workspaceId, traceId, limit],
  );
}
