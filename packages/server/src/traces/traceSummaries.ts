// Owns folding a trace's priced groups (summarizeTraceSpans) and its named spans (listTraceHeads) into one
// summary per trace.
import type { TraceSummary } from '@llm-analytics/core';
import type { TraceHeadRow } from './queries/listTraceHeads.ts';
import type { TraceGroupRow } from './queries/summarizeTraceSpans.ts';

export interface TraceSummaryOf extends TraceSummary {
  /** The root span the summary names (null without one): the list keeps a trace at its root only. */
  root_span_id: string | null;
}

interface Acc {
  s: TraceSummaryOf;
  startMs: number;
  endMs: number;
}

/** Summaries by trace id; a trace's cost is null when any of its token-carrying spans has no price. */
export function traceSummaries(groups: TraceGroupRow[], heads: TraceHeadRow[]): Map<string, TraceSummaryOf> {
  const acc = new Map<string, Acc>();
  for (const g of groups) {
    const startMs = Number(g.start_ms);
    const endMs = Number(g.end_ms);
    let a = acc.get(g.trace_id);
    if (!a) {
      a = {
        s: {
          trace_id: g.trace_id,
          name: null,
          service_name: g.service_name,
          start_time: g.start_time,
          end_time: g.end_time,
          duration_ms: 0,
          span_count: 0,
          error_count: 0,
          status: 'unset',
          models: [],
          input_tokens: 0,
          output_tokens: 0,
          cost_usd: 0,
          conversation_id: null,
          root_span_id: null,
        },
        startMs,
        endMs,
      };
      acc.set(g.trace_id, a);
    }
    const s = a.s;
    // Until a root names it, the service is the earliest span's (its group starts first).
    if (startMs < a.startMs)
      [a.startMs, s.start_time, s.service_name] = [startMs, g.start_time, g.service_name];
    if (endMs > a.endMs) [a.endMs, s.end_time] = [endMs, g.end_time];
    s.span_count += Number(g.span_count);
    s.error_count += Number(g.error_count);
    if (g.pm !== null && !s.models.includes(g.pm)) s.models.push(g.pm);
    s.input_tokens += Number(g.in_tok ?? 0);
    s.output_tokens += Number(g.out_tok ?? 0);
    if (Number(g.unpriced ?? 0) > 0) s.cost_usd = null;
    else if (s.cost_usd !== null) s.cost_usd += Number(g.cost ?? 0);
  }
  // Heads come by trace, then start, then span id: the first root and the first conversation win.
  for (const h of heads) {
    const a = acc.get(h.trace_id);
    if (!a) continue;
    if (h.is_root && a.s.root_span_id === null) {
      Object.assign(a.s, { root_span_id: h.span_id, name: h.name, service_name: h.service_name });
      if (Number(h.status_code) === 1) a.s.status = 'ok';
    }
    if (h.conversation_id !== null && a.s.conversation_id === null) a.s.conversation_id = h.conversation_id;
  }
  const out = new Map<string, TraceSummaryOf>();
  for (const [id, a] of acc) {
    a.s.duration_ms = a.endMs - a.startMs;
    if (a.s.error_count > 0) a.s.status = 'error';
    a.s.models.sort();
    out.set(id, a.s);
  }
  return out;
}
