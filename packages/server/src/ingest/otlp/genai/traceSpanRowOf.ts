// Owns a span row as the request wrote it, seen as the derivation's read of the store would return it.
import type { SpanRow } from '../../../store/RowSet.ts';
import type { TraceSpanRow } from '../queries/listTraceSpans.ts';

/** What listTraceSpans selects of `r`: the tree of every span, names and times of known ones, LLM attributes. */
export function traceSpanRowOf(r: SpanRow): TraceSpanRow {
  const known = r.span_type !== null;
  const llm = r.span_type === 'llm';
  return {
    trace_id: r.trace_id,
    span_id: r.span_id,
    parent_span_id: r.parent_span_id,
    name: known ? r.name : null,
    start_ms: known ? r.start_time : null,
    end_ms: known ? r.end_time : null,
    duration_ms: known ? r.duration_ms : null,
    status_code: r.status_code,
    span_type: r.span_type,
    tool_name: r.tool_name,
    attributes: llm ? r.attributes : null,
    events: llm ? r.events : null,
  };
}
