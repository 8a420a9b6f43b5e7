// Owns folding the priced (trace, model, provider) groups of summarizeTraceSpans into one summary per trace.
import type { TraceSummary } from '@llm-analytics/core';
import type { TraceGroupRow } from './queries/summarizeTraceSpans.ts';

export interface TraceSummaryOf extends TraceSummary {
  /** The root span the summary names (null without one): the list keeps a trace at its root only. */
  root_span_id: string | null;
}

/** Summaries by trace id; a trace's cost is null when any of its token-carrying spans has no price. */
export function traceSummaries(rows: TraceGroupRow[]): Map<string, TraceSummaryOf> {
  const out = new Map<string, TraceSummaryOf>();
  for (const r of rows) {
    let s = out.get(r.trace_id);
    if (!s) {
      s = {
        trace_id: r.trace_id,
        name: r.root_name,
        service_name: r.root_span_id !== null ? r.root_service : r.first_service,
        start_time: r.start_time,
        end_time: r.end_time,
        duration_ms: Number(r.duration_ms),
        span_count: 0,
        error_count: 0,
        status: r.root_status === 1 ? 'ok' : 'unset',
        models: [],
        input_tokens: 0,
        output_tokens: 0,
        cost_usd: 0,
        conversation_id: r.conversation_id,
        root_span_id: r.root_span_id,
      };
      out.set(r.trace_id, s);
    }
    s.span_count += Number(r.span_count);
    s.error_count += Number(r.error_count);
    if (s.error_count > 0) s.status = 'error';
    if (r.pm !== null && !s.models.includes(r.pm)) s.models.push(r.pm);
    s.input_tokens += Number(r.in_tok ?? 0);
    s.output_tokens += Number(r.out_tok ?? 0);
    if (Number(r.unpriced ?? 0) > 0) s.cost_usd = null;
    else if (s.cost_usd !== null) s.cost_usd += Number(r.cost ?? 0);
  }
  for (const s of out.values()) s.models.sort();
  return out;
}
