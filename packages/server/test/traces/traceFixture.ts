// Owns the traces API tests' data: span rows of many traces (ties and microsecond-close root times, a trace
// with two parentless spans, one without a root, the same trace id in another workspace), the price book,
// and an independent oracle of what the list should say (written from the rows, not from the code under test).
import { catalogPrices, type Price, type PriceBook } from '@llm-analytics/core';
import type { SpanRow } from '../../src/store/RowSet.ts';
import { spanRow } from '../helpers/spanRow.ts';

export const WS = 'default';
export const OTHER = 'other-ws';
export const T0 = Date.UTC(2026, 10, 1, 12);

export const PRICE_BOOK: PriceBook = {
  default: null,
  models: { 'm-override': { input_per_1k: 1, output_per_1k: 2 } },
  providers: { AcmeAI: { input_per_1k: 0.5, output_per_1k: 0.25 } },
};
/** [model, provider]: a model override, a provider override (other case), the catalog, and no price at all. */
const MODELS: [string, string][] = [
  ['m-override', 'openai'],
  ['acme-large', 'acmeai'],
  ['gpt-4o', 'openai'],
  ['mystery-1', 'nobody'],
];

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
export const traceIdOf = (i: number) => `${hex(0xabc000 + i, 8)}${'0'.repeat(24)}`;
const spanIdOf = (i: number, k: number) => hex(i * 16 + k + 1, 16);

function row(ws: string, trace: string, span: string, over: Partial<SpanRow>): SpanRow {
  return spanRow({
    workspace_id: ws,
    trace_id: trace,
    span_id: span,
    start_time: T0,
    attributes: JSON.stringify({ k: span }),
    resource_attributes: JSON.stringify({ 'service.name': 'svc' }),
    service_name: 'svc',
    scope_name: 'test',
    ...over,
  });
}

export const TRACES = 40;
/** The root start of trace i: 10 and 11 tie exactly; 20 and 21 differ by a microsecond. */
export function rootStart(i: number): number {
  if (i === 11) return rootStart(10);
  if (i === 21) return rootStart(20) + 0.001;
  return T0 + i * 1000 + (i % 3) * 0.125;
}

/** Trace i: a root, one or two LLM spans, a tool span; errors, conversations, services vary with i. */
export function traceSpans(ws: string, i: number): SpanRow[] {
  const t = traceIdOf(i);
  const start = rootStart(i);
  const root = spanIdOf(i, 0);
  const [model, provider] = MODELS[i % MODELS.length];
  const spans = [
    row(ws, t, root, {
      name: `root ${i}`,
      kind: 2,
      start_time: start,
      duration_ms: 900.5,
      status_code: i % 7 === 0 ? 1 : 0,
      service_name: `svc-${i % 3}`,
    }),
    row(ws, t, spanIdOf(i, 1), {
      parent_span_id: root,
      name: `chat ${model}`,
      start_time: start + 5.25,
      duration_ms: 400,
      span_type: 'llm',
      model_id: model,
      provider,
      input_tokens: 100 + i * 7,
      output_tokens: 20 + i * 3,
      conversation_id: i % 5 === 4 ? null : `conv-${i % 5}`,
      events: JSON.stringify([{ name: 'gen_ai.choice', time_ms: start + 6, attributes: { i } }]),
    }),
    row(ws, t, spanIdOf(i, 2), {
      parent_span_id: root,
      name: 'execute_tool search',
      start_time: start + 500,
      duration_ms: 50,
      span_type: 'tool',
      tool_name: 'search',
      status_code: i % 9 === 0 ? 2 : 0,
    }),
  ];
  if (i % 6 === 0) {
    const [m2, p2] = MODELS[(i + 1) % MODELS.length];
    spans.push(
      row(ws, t, spanIdOf(i, 3), {
        parent_span_id: root,
        name: `chat ${m2}`,
        start_time: start + 600,
        duration_ms: 300,
        span_type: 'llm',
        model_id: m2,
        provider: p2,
        input_tokens: 55,
        output_tokens: 11,
        conversation_id: 'conv-late',
      }),
    );
  }
  if (i === 30) {
    // A second parentless span, later than the root: the trace is still listed once, at its root.
    spans.push(row(ws, t, spanIdOf(i, 4), { name: 'stray root', start_time: start + 2000 }));
  }
  return spans;
}

/** A trace whose root never arrived: its detail exists, the list does not show it. */
export const ORPHAN = traceIdOf(999);
export const orphanSpans = (ws: string): SpanRow[] => [
  row(ws, ORPHAN, spanIdOf(999, 1), {
    parent_span_id: spanIdOf(999, 0),
    name: 'child only',
    start_time: T0 + 5_000_000,
    service_name: 'svc-orphan',
  }),
];

export function allSpans(): SpanRow[] {
  const out: SpanRow[] = [];
  for (let i = 0; i < TRACES; i++) out.push(...traceSpans(WS, i));
  out.push(...orphanSpans(WS));
  // The other workspace: the same trace ids as traces 0–2 with different spans, and its own trace.
  for (const i of [0, 1, 2, 500])
    out.push(...traceSpans(OTHER, i).map((s) => ({ ...s, name: `other ${s.name}` })));
  return out;
}

/** Price resolution as the design states it: model override › provider override (any case) › catalog › default. */
export function priceOf(model: string | null, provider: string | null, book: PriceBook): Price | null {
  if (model !== null && book.models?.[model]) return book.models[model];
  const hit = Object.entries(book.providers ?? {}).find(([k]) => k.toLowerCase() === provider?.toLowerCase());
  if (hit) return hit[1];
  if (model !== null) {
    const [c] = catalogPrices([{ provider, model_id: model }]);
    if (c.price) return c.price;
  }
  return book.default ?? null;
}

export interface Expected {
  trace_id: string;
  name: string;
  span_count: number;
  error_count: number;
  status: 'ok' | 'error' | 'unset';
  models: string[];
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
  conversation_id: string | null;
  service_name: string;
  rootStart: number;
}

/** The listed traces of WS, newest root first (ties by trace id, descending), from the rows alone. */
export function expectedList(book: PriceBook): Expected[] {
  const out: Expected[] = [];
  for (let i = 0; i < TRACES; i++) {
    const spans = traceSpans(WS, i);
    const llm = spans.filter((s) => s.model_id !== null);
    let cost: number | null = 0;
    for (const s of llm) {
      const p = priceOf(s.model_id, s.provider, book);
      if (!p) cost = null;
      else if (cost !== null)
        cost +=
          ((s.input_tokens ?? 0) / 1000) * p.input_per_1k + ((s.output_tokens ?? 0) / 1000) * p.output_per_1k;
    }
    const errors = spans.filter((s) => s.status_code === 2).length;
    const firstConv = [...spans]
      .filter((s) => s.conversation_id !== null)
      .sort((a, b) => a.start_time - b.start_time)[0];
    out.push({
      trace_id: traceIdOf(i),
      name: `root ${i}`,
      span_count: spans.length,
      error_count: errors,
      status: errors > 0 ? 'error' : spans[0].status_code === 1 ? 'ok' : 'unset',
      models: [...new Set(llm.map((s) => s.model_id as string))].sort(),
      input_tokens: llm.reduce((a, s) => a + (s.input_tokens ?? 0), 0),
      output_tokens: llm.reduce((a, s) => a + (s.output_tokens ?? 0), 0),
      cost_usd: cost,
      conversation_id: firstConv?.conversation_id ?? null,
      service_name: `svc-${i % 3}`,
      rootStart: rootStart(i),
    });
  }
  return out.sort((a, b) => b.rootStart - a.rootStart || (a.trace_id < b.trace_id ? 1 : -1));
}
