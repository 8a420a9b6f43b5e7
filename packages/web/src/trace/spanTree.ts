// Owns turning a trace's spans (by start time) into the waterfall's rows: depth-first by parent_span_id,
// siblings by start, spans whose parent has not arrived at the top level, flagged as orphans.
import type { Span } from '../api/types.ts';

export interface SpanRow {
  span: Span;
  depth: number;
  /** Its parent_span_id names a span this trace does not have (yet). */
  orphan: boolean;
  childCount: number;
  /** Milliseconds from the trace's start to this span's start. */
  offsetMs: number;
}

export interface SpanTree {
  rows: SpanRow[];
  startMs: number;
  /** From the first start to the last end; never 0, so bars can divide by it. */
  totalMs: number;
}

const startOf = (s: Span) => Date.parse(s.start_time);

export function spanTree(spans: Span[]): SpanTree {
  const ordered = [...spans].sort((a, b) => startOf(a) - startOf(b) || a.span_id.localeCompare(b.span_id));
  const ids = new Set(ordered.map((s) => s.span_id));
  const children = new Map<string, Span[]>();
  const tops: Span[] = [];
  for (const s of ordered) {
    if (s.parent_span_id && ids.has(s.parent_span_id) && s.parent_span_id !== s.span_id) {
      const list = children.get(s.parent_span_id);
      if (list) list.push(s);
      else children.set(s.parent_span_id, [s]);
    } else tops.push(s);
  }
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const s of ordered) {
    startMs = Math.min(startMs, startOf(s));
    endMs = Math.max(endMs, startOf(s) + s.duration_ms);
  }
  if (!ordered.length) startMs = endMs = 0;
  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  // Iterative depth-first walk: a trace may nest deeper than the call stack allows.
  const walk = (top: Span, orphan: boolean) => {
    const stack: { span: Span; depth: number }[] = [{ span: top, depth: 0 }];
    while (stack.length) {
      const { span, depth } = stack.pop()!;
      if (seen.has(span.span_id)) continue;
      seen.add(span.span_id);
      const kids = children.get(span.span_id) ?? [];
      rows.push({
        span,
        depth,
        orphan: orphan && depth === 0,
        childCount: kids.length,
        offsetMs: startOf(span) - startMs,
      });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
    }
  };
  for (const s of tops) walk(s, s.parent_span_id !== null);
  // Spans on a parent cycle (corrupt data) reach no top: show them rather than drop them.
  for (const s of ordered) if (!seen.has(s.span_id)) walk(s, true);
  return { rows, startMs, totalMs: Math.max(endMs - startMs, 0.001) };
}
