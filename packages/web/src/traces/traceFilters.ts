// Owns the trace list's filters as the page's query string (a reload or a shared link keeps them) and as the
// list endpoint's parameters. No React: the model table's links and the browser tests build URLs with it.

export const TRACE_RANGES = ['1h', '24h', '7d', '30d', 'all', 'custom'] as const;
export type TraceRange = (typeof TRACE_RANGES)[number];
export const TRACE_STATUSES = ['ok', 'error', 'unset'] as const;
export type TraceStatus = (typeof TRACE_STATUSES)[number];

export interface TraceFilters {
  model: string;
  status: TraceStatus | '';
  service: string;
  conversation: string;
  range: TraceRange;
  /** YYYY-MM-DD, for the custom range (both ends inclusive, UTC days). */
  from: string;
  to: string;
}

export const NO_TRACE_FILTERS: TraceFilters = {
  model: '',
  status: '',
  service: '',
  conversation: '',
  range: 'all',
  from: '',
  to: '',
};

const HOURS: Record<string, number> = { '1h': 1, '24h': 24, '7d': 7 * 24, '30d': 30 * 24 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the page's query string; unknown or malformed values fall back to "no filter". */
export function parseTraceFilters(search: string): TraceFilters {
  const q = new URLSearchParams(search);
  const pick = <T extends string>(v: string | null, allowed: readonly T[], dflt: T): T =>
    allowed.includes(v as T) ? (v as T) : dflt;
  const day = (v: string | null) => (v && DAY.test(v) ? v : '');
  return {
    model: q.get('model') ?? '',
    status: pick(q.get('status'), TRACE_STATUSES, '' as TraceStatus),
    service: q.get('service') ?? '',
    conversation: q.get('conversation_id') ?? '',
    range: pick(q.get('range'), TRACE_RANGES, 'all'),
    from: day(q.get('from')),
    to: day(q.get('to')),
  };
}

/** The list page's URL for `filters` (only what differs from no filter, in a fixed order). */
export function tracesHref(filters: Partial<TraceFilters>): string {
  const f = { ...NO_TRACE_FILTERS, ...filters };
  const q = new URLSearchParams();
  if (f.model) q.set('model', f.model);
  if (f.status) q.set('status', f.status);
  if (f.service) q.set('service', f.service);
  if (f.conversation) q.set('conversation_id', f.conversation);
  if (f.range !== 'all') q.set('range', f.range);
  if (f.range === 'custom') {
    if (f.from) q.set('from', f.from);
    if (f.to) q.set('to', f.to);
  }
  const s = q.toString();
  return s ? `/traces?${s}` : '/traces';
}

/** The endpoint's parameters: a preset range ends now, a custom one covers its whole UTC days. */
export function traceListParams(f: TraceFilters, now: number = Date.now()): URLSearchParams {
  const q = new URLSearchParams();
  if (f.model) q.set('model', f.model);
  if (f.status) q.set('status', f.status);
  if (f.service) q.set('service', f.service);
  if (f.conversation) q.set('conversation_id', f.conversation);
  if (f.range in HOURS) q.set('start_date', new Date(now - HOURS[f.range] * 3_600_000).toISOString());
  if (f.range === 'custom') {
    if (f.from) q.set('start_date', `${f.from}T00:00:00.000Z`);
    if (f.to) q.set('end_date', `${f.to}T23:59:59.999Z`);
  }
  return q;
}

/** How many filters narrow the list (the range counts when it is not "all"). */
export function activeTraceFilters(f: TraceFilters): number {
  return [f.model, f.status, f.service, f.conversation, f.range !== 'all'].filter(Boolean).length;
}
