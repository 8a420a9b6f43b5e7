// Owns the retention tests' spans: a workspace's spans spread over 60 days before a fixed "now", committed
// through the store's own writer, and the expected survivors computed from the list, not from the store.

import { emptyRowSet, type SpanRow } from '../../src/store/RowSet.ts';
import type { Store } from '../../src/store/Store.ts';
import { spanRow } from '../helpers/spanRow.ts';

export const NOW = Date.UTC(2026, 5, 1, 12);
export const DAY = 86_400_000;

export function spanAt(ws: string, i: number, startMs: number): SpanRow {
  return spanRow({
    workspace_id: ws,
    trace_id: (i + 1).toString(16).padStart(32, '0'),
    span_id: (i + 1).toString(16).padStart(16, '0'),
    name: `span ${i}`,
    kind: 3,
    start_time: startMs,
    duration_ms: 12.5,
    attributes: JSON.stringify({ i }),
    service_name: 'svc',
  });
}

/**
 * `count` spans, one every 61 minutes back from NOW (≈ 60 days for 1,420), plus two on either side of the
 * 30-day cutoff (one microsecond apart from it), and a few sharing one start time (a batch boundary tie).
 */
export function spread(ws: string, count: number): SpanRow[] {
  const rows: SpanRow[] = [];
  for (let i = 0; i < count; i++) rows.push(spanAt(ws, i, NOW - i * 61 * 60_000 - 0.25));
  const cutoff = NOW - 30 * DAY;
  rows.push(spanAt(ws, count, cutoff - 0.001), spanAt(ws, count + 1, cutoff + 0.001));
  for (let k = 0; k < 5; k++) rows.push(spanAt(ws, count + 2 + k, NOW - 45 * DAY));
  return rows;
}

/** Commits the rows in commits of 500, as ingest would. */
export async function commitSpans(store: Store, rows: SpanRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await store.commit({ ...emptyRowSet(), spans: rows.slice(i, i + 500) });
}

/** The span ids of `rows` that start at or after NOW − days (what retention keeps), sorted. */
export function survivors(rows: SpanRow[], days: number): string[] {
  const cutoff = NOW - days * DAY;
  return rows
    .filter((r) => days === 0 || r.start_time >= cutoff)
    .map((r) => r.span_id)
    .sort();
}

export async function storedSpanIds(store: Store, ws: string): Promise<string[]> {
  const rows = await store.query<{ span_id: string }>('SELECT span_id FROM spans WHERE workspace_id = $1', [
    ws,
  ]);
  return rows.map((r) => r.span_id).sort();
}
