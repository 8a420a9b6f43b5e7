// Owns the independent plain-TypeScript computation of every analytics metric, per docs/metrics.md and DESIGN.md.
import {
  type AnalyticsQuery,
  catalogPrices,
  type Filter,
  type Price,
  type PriceBook,
} from '@llm-analytics/core';
import type { Dataset, DsEvaluation } from './dataset.ts';
import {
  conjuncts,
  DIM_GRAIN,
  dayStart,
  type Grain,
  grainsOf,
  groupValue,
  type Msg,
  passes,
  type Row,
  rowsOf,
  type Val,
} from './oracleFilter.ts';

export interface OracleSettings {
  price_book: PriceBook;
  sla_threshold_ms: number;
}
export type OracleRow = Record<string, Val>;
export interface OracleReply {
  rows: OracleRow[];
  unpriced_messages: number;
  /** With compare: per row of `rows`, each metric's change in % against the previous window. */
  change_pct?: Record<string, number | null>[];
}

const DAY = 86_400_000;
const GRAIN_METRICS: [Grain, string[]][] = [
  [
    'message',
    ['messages', 'conversations', 'users', 'input_tokens', 'output_tokens', 'total_tokens', 'cost'],
  ],
  ['message', ['unpriced_messages']],
  [
    'message',
    ['cost_per_message', 'latency_avg', 'latency_p50', 'latency_p90', 'latency_p95', 'latency_p99'],
  ],
  ['message', ['sla_breach_rate', 'errors', 'error_rate', 'messages_per_conversation', 'timed_messages']],
  [
    'evaluation',
    ['evaluations', 'avg_rating', 'success_rate', 'failures', 'evaluators', 'rated_evaluations'],
  ],
  ['tool', ['tool_calls', 'tool_success_rate', 'tool_calls_with_outcome']],
];
export const METRIC_GRAIN: Record<string, Grain> = Object.fromEntries(
  GRAIN_METRICS.flatMap(([grain, ids]) => ids.map((id) => [id, grain])),
);

interface Window {
  from: number;
  to: number;
}

/** [from, to) in ms; relative ranges end at `now`; a date-only `to` includes that whole day. */
export function windowOf(range: AnalyticsQuery['date_range'], now: Date): Window | null {
  if (range === 'all') return null;
  if (typeof range === 'string') {
    const days = { '7d': 7, '30d': 30, '90d': 90 }[range];
    return { from: now.getTime() - days * DAY, to: now.getTime() };
  }
  const dateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  const from = dateOnly(range.from) ? Date.parse(`${range.from}T00:00:00Z`) : Date.parse(range.from);
  const to = dateOnly(range.to) ? Date.parse(`${range.to}T00:00:00Z`) + DAY : Date.parse(range.to);
  return { from, to };
}

const priceCache = new WeakMap<PriceBook, Map<string, Price | null>>();

function priceOf(m: Msg, book: PriceBook): Price | null {
  const cache = priceCache.get(book) ?? new Map<string, Price | null>();
  priceCache.set(book, cache);
  const key = `${m.model_id}\u0000${m.provider}`;
  if (!cache.has(key)) cache.set(key, resolvePrice(m, book));
  return cache.get(key) ?? null;
}

/** Price resolution: model override › provider override (case-insensitive) › catalog › default. */
function resolvePrice(m: Msg, book: PriceBook): Price | null {
  if (m.model_id !== null && book.models?.[m.model_id]) return book.models[m.model_id];
  if (m.provider !== null) {
    const hits = Object.entries(book.providers ?? {}).filter(
      ([k]) => k.toLowerCase() === m.provider?.toLowerCase(),
    );
    if (hits.length) return hits[hits.length - 1][1];
  }
  if (m.model_id !== null) {
    const [c] = catalogPrices([{ provider: m.provider, model_id: m.model_id }]);
    if (c.price) return c.price;
  }
  return book.default ?? null;
}

const msgCache = new WeakMap<Dataset, Map<string, Msg[]>>();

/** The messages in the window, enriched (cached: the data set never changes during a run). */
function messagesIn(ds: Dataset, w: Window | null): Msg[] {
  const cache = msgCache.get(ds) ?? new Map<string, Msg[]>();
  msgCache.set(ds, cache);
  const key = JSON.stringify(w);
  if (!cache.has(key)) cache.set(key, enrich(ds, w));
  return cache.get(key) ?? [];
}

function enrich(ds: Dataset, w: Window | null): Msg[] {
  const inWindow = ds.messages.filter((m) => {
    const t = Date.parse(m.created_at);
    return !w || (t >= w.from && t < w.to);
  });
  const lengths = new Map<string, number>();
  for (const m of inWindow) lengths.set(m.conversation_id, (lengths.get(m.conversation_id) ?? 0) + 1);
  const convs = new Map(ds.conversations.map((c) => [c.id, c]));
  const models = new Map(ds.models.map((m) => [m.model_id, m]));
  const evals = new Map<string, DsEvaluation[]>();
  for (const e of ds.evaluations) evals.set(e.message_id, [...(evals.get(e.message_id) ?? []), e]);
  return inWindow.map((m) => {
    const c = convs.get(m.conversation_id);
    const model = m.model_id === null ? undefined : models.get(m.model_id);
    return {
      ...m,
      t: Date.parse(m.created_at),
      user_id: c?.user_id ?? null,
      session_id: c?.session_id ?? null,
      experiment_name: c?.experiment_name ?? null,
      widget: c?.is_widget_session ?? null,
      training_method: model?.training_method ?? null,
      base_model: model?.base_model ?? null,
      length: lengths.get(m.conversation_id) ?? 0,
      evals: evals.get(m.id) ?? [],
      tools: m.tools_called,
    };
  });
}

interface Acc {
  vals: Val[];
  msgs: Msg[];
  evs: DsEvaluation[];
  tools: Row[];
}

/**
 * Group tuples of a row. Dimensions of the message and of the row's own grain come from the row; one of
 * another grain comes from the message's rows of that grain that pass the filter terms on that grain only
 * (so a message counts once under each distinct value, and those terms pick which values it shows).
 */
function tuplesOf(row: Row, dims: string[], terms: Filter[]): Val[][] {
  const bridges = (['evaluation', 'tool'] as const).filter(
    (g) => g !== row.grain && dims.some((d) => DIM_GRAIN[d] === g),
  );
  const held = (g: Grain) => terms.filter((t) => grainsOf(t).size === 1 && grainsOf(t).has(g));
  const rest = terms.filter((t) => !bridges.some((g) => held(g).includes(t)));
  if (!rest.every((t) => passes(t, row))) return [];
  let tuples: Val[][] = [
    dims.map((d) => (bridges.includes(DIM_GRAIN[d] as 'tool') ? null : groupValue(d, row))),
  ];
  for (const g of bridges) {
    const own = dims.filter((d) => DIM_GRAIN[d] === g);
    const rows = rowsOf(g, row.msg, own.includes('failure_tag')).filter((r) =>
      held(g).every((t) => passes(t, r)),
    );
    const distinct = new Map(rows.map((r) => [JSON.stringify(own.map((d) => groupValue(d, r))), r]));
    tuples = tuples.flatMap((tuple) =>
      [...distinct.values()].map((r) => dims.map((d, i) => (own.includes(d) ? groupValue(d, r) : tuple[i]))),
    );
  }
  return tuples;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const div = (a: number, b: number) => (b === 0 ? null : a / b);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Every metric of one group, from its messages, evaluations and tool calls. */
function metricValues(a: Acc, s: OracleSettings): Record<string, Val> {
  const n = a.msgs.length;
  const lat = a.msgs.flatMap((m) => (m.latency_ms === null ? [] : [m.latency_ms])).sort((x, y) => x - y);
  const inTok = sum(a.msgs.map((m) => m.input_tokens ?? 0));
  const outTok = sum(a.msgs.map((m) => m.output_tokens ?? 0));
  const cost = sum(
    a.msgs.map((m) => {
      const p = priceOf(m, s.price_book);
      return p
        ? ((m.input_tokens ?? 0) / 1000) * p.input_per_1k + ((m.output_tokens ?? 0) / 1000) * p.output_per_1k
        : 0;
    }),
  );
  // Per group, so a message a bridged dimension (tool, evaluator) puts under several values counts in each.
  const unpriced = a.msgs.filter(
    (m) => ((m.input_tokens ?? 0) > 0 || (m.output_tokens ?? 0) > 0) && priceOf(m, s.price_book) === null,
  ).length;
  const errors = a.msgs.filter((m) => m.error_type !== null && m.error_type !== '').length;
  const convs = new Set(a.msgs.map((m) => m.conversation_id)).size;
  const rated = a.evs.flatMap((e) => (e.rating === null ? [] : [e.rating]));
  const toolKnown = a.tools.filter((r) => r.tool?.success !== null);
  return {
    messages: n,
    conversations: convs,
    users: new Set(a.msgs.flatMap((m) => (m.user_id === null ? [] : [m.user_id]))).size,
    messages_per_conversation: div(n, convs),
    input_tokens: inTok,
    output_tokens: outTok,
    total_tokens: inTok + outTok,
    cost: cost,
    unpriced_messages: unpriced,
    cost_per_message: div(cost, n),
    latency_avg: div(sum(lat), lat.length),
    latency_p50: percentile(lat, 0.5),
    latency_p90: percentile(lat, 0.9),
    latency_p95: percentile(lat, 0.95),
    latency_p99: percentile(lat, 0.99),
    sla_breach_rate: div(100 * lat.filter((l) => l > s.sla_threshold_ms).length, lat.length),
    errors: errors,
    error_rate: div(100 * errors, n),
    evaluations: a.evs.length,
    avg_rating: div(sum(rated), rated.length),
    success_rate: div(100 * a.evs.filter((e) => e.success === true).length, a.evs.length),
    failures: a.evs.filter((e) => e.success === false).length,
    evaluators: new Set(a.evs.flatMap((e) => (e.evaluator_id === null ? [] : [e.evaluator_id]))).size,
    tool_calls: a.tools.length,
    tool_success_rate: div(100 * toolKnown.filter((r) => r.tool?.success).length, toolKnown.length),
    timed_messages: lat.length,
    rated_evaluations: rated.length,
    tool_calls_with_outcome: toolKnown.length,
  };
}

function runWindow(ds: Dataset, q: AnalyticsQuery, w: Window | null, s: OracleSettings) {
  const dims = q.dimensions ?? [];
  const terms = conjuncts(q.filters);
  const grains = new Set(q.metrics.map((m) => METRIC_GRAIN[m]));
  const groups = new Map<string, Acc>();
  const acc = (vals: Val[]) => {
    const key = JSON.stringify(vals);
    const a = groups.get(key) ?? { vals, msgs: [], evs: [], tools: [] };
    groups.set(key, a);
    return a;
  };
  if (dims.length === 0) acc([]); // without dimensions there is always one row
  for (const msg of messagesIn(ds, w)) {
    for (const grain of grains) {
      for (const row of rowsOf(grain, msg, grain === 'evaluation' && dims.includes('failure_tag'))) {
        for (const vals of tuplesOf(row, dims, terms)) {
          const a = acc(vals);
          if (grain === 'message') a.msgs.push(msg);
          else if (grain === 'evaluation' && row.ev) a.evs.push(row.ev);
          else a.tools.push(row);
        }
      }
    }
  }
  const counted = new Map<string, Msg>();
  for (const a of groups.values()) for (const m of a.msgs) counted.set(m.id, m);
  const unpriced = [...counted.values()].filter(
    (m) => (m.input_tokens ?? 0) + (m.output_tokens ?? 0) > 0 && priceOf(m, s.price_book) === null,
  ).length;
  const rows = [...groups.values()].map((a) => {
    const row: OracleRow = {};
    dims.forEach((d, i) => {
      row[d] = a.vals[i];
    });
    const values = metricValues(a, s);
    for (const m of q.metrics) row[m] = values[m];
    return row;
  });
  return { rows, unpriced };
}

const keyOf = (row: OracleRow, dims: string[], shiftMs: number) =>
  JSON.stringify(
    dims.map((d) => (d === 'time' && shiftMs ? dayStart(Date.parse(String(row[d])) + shiftMs) : row[d])),
  );

/** The reply the engine should give for `q` at `now` (day buckets for the time dimension). */
export function oracle(ds: Dataset, q: AnalyticsQuery, now: Date, s: OracleSettings): OracleReply {
  const w = windowOf(q.date_range, now);
  const cur = runWindow(ds, q, w, s);
  const reply: OracleReply = { rows: cur.rows, unpriced_messages: cur.unpriced };
  if (q.compare && w) {
    const len = w.to - w.from;
    const dims = q.dimensions ?? [];
    const prev = runWindow(ds, q, { from: w.from - len, to: w.from }, s);
    const byKey = new Map(prev.rows.map((r) => [keyOf(r, dims, len), r]));
    reply.change_pct = cur.rows.map((r) => {
      const p = byKey.get(keyOf(r, dims, 0));
      return Object.fromEntries(
        q.metrics.map((m) => {
          const a = r[m];
          const b = p?.[m];
          return [
            m,
            typeof a === 'number' && typeof b === 'number' && b !== 0 ? ((a - b) / Math.abs(b)) * 100 : null,
          ];
        }),
      );
    });
  }
  return reply;
}
