// Owns folding the priced groups of summarizeTraceSpans into one summary per trace.
import type { TraceSummary } from '@llm-analytics/core';
import type { TraceGroupRow } from './queries/summarizeTraceSpans.ts';

export interface TraceSummaryOf extends TraceSummary {
  /** The root span the summary names (null without one): the list keeps a trace at its root only. */
  root_span_id: string | null;
}

interface Acc {
  s: TraceSummaryOf;
  startMs: number;
  endMs: number;
  /** Where the earliest span, root and conversation seen so far start ([ms, span id] for roots). */
  firstService: [number, string | null];
  root: [number, string] | null;
  conversation: number;
  rootStatus: number | null;
}

const earlier = (a: [number, string], b: [number, string] | null) =>
  b === null || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Summaries by trace id; a trace's cost is null when any of its token-carrying spans has no price. */
export function traceSummaries(groups: TraceGroupRow[]): Map<string, TraceSummaryOf> {
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
          service_name: null,
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
        firstService: [startMs, g.service_name],
        root: null,
        conversation: Number.POSITIVE_INFINITY,
        rootStatus: null,
      };
      acc.set(g.trace_id, a);
    }
    const s = a.s;
    if (startMs < a.startMs)
      [a.startMs, s.start_time, a.firstService] = [startMs, g.start_time, [startMs, g.service_name]];
    if (endMs > a.endMs) [a.endMs, s.end_time] = [endMs, g.end_time];
    if (g.root_id !== null && earlier([startMs, g.root_id], a.root)) {
      a.root = [startMs, g.root_id];
      [s.root_span_id, s.name, s.service_name] = [g.root_id, g.root_name, g.service_name];
      a.rootStatus = g.root_status === null ? null : Number(g.root_status);
    }
    if (g.conversation_id !== null && startMs < a.conversation) {
      a.conversation = startMs;
      s.conversation_id = g.conversation_id;
    }
    s.span_count += Number(g.span_count);
    s.error_count += Number(g.error_count);
    if (g.pm !== null && !s.models.includes(g.pm)) s.models.push(g.pm);
    s.input_tokens += Number(g.in_tok ?? 0);
    s.output_tokens += Number(g.out_tok ?? 0);
    if (Number(g.unpriced ?? 0) > 0) s.cost_usd = null;
    else if (s.cost_usd !== null) s.cost_usd += Number(g.cost ?? 0);
  }
  const out = new Map<string, TraceSummaryOf>();
  for (const [id, a] of acc) {
    const s = a.s;
    s.duration_ms = a.endMs - a.startMs;
    // Until a root names it, the service is the earliest span's.
    if (s.root_span_id === null) s.service_name = a.firstService[1];
    s.status = s.error_count > 0 ? 'error' : a.rootStatus === 1 ? 'ok' : 'unset';
    s.models.sort();
    out.set(id, s);
  }
  return out;
}
