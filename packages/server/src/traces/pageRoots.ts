// Owns reading the next page of trace roots fast under per-trace filters (model, conversation, status): those
// are semi-joins, which keep DuckDB from settling the newest roots by time first, so the scan is narrowed to
// a window of recent roots, widened until it holds the page.
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db } from '../store/Store.ts';
import { listTraceRoots, type RootFilter, type RootRow } from './queries/listTraceRoots.ts';
import type { TraceCursor } from './traceListParams.ts';

/** The first window holds this many times the page's roots, unfiltered; each widening multiplies its span. */
const FIRST_WINDOW = 8;
const WIDEN = 4;
const WIDENINGS = 3;

/** Engine timestamp text ('2026-11-01 12:00:00.123456') as epoch ms (to the millisecond: bounds only). */
const ms = (k: string) => Date.parse(`${k.replace(' ', 'T').slice(0, 23)}Z`);

/**
 * The newest `want` roots after `after` passing `filter`. Exact whatever the window: a query bounded below by
 * `since` that still finds `want` roots has found the newest ones (every other match is older than `since`);
 * one that finds fewer is run again with a wider window, at last without a bound.
 */
export async function pageRoots(
  db: Db,
  workspaceId: string,
  filter: RootFilter,
  after: TraceCursor | undefined,
  want: number,
): Promise<RootRow[]> {
  const perTrace =
    filter.model !== undefined || filter.conversationId !== undefined || filter.status !== undefined;
  if (!perTrace) return listTraceRoots(db, workspaceId, filter, after, want);
  const plain = { from: filter.from, to: filter.to, service: filter.service };
  const probe = await listTraceRoots(db, workspaceId, plain, after, want * FIRST_WINDOW);
  if (probe.length < want * FIRST_WINDOW) return listTraceRoots(db, workspaceId, filter, after, want);
  const top = ms(probe[0].k);
  let lower = ms(probe[probe.length - 1].k);
  for (let i = 0; i < WIDENINGS; i++) {
    const since = sqlTimestamp(new Date(lower));
    const rows = await listTraceRoots(db, workspaceId, { ...filter, since }, after, want);
    if (rows.length === want) return rows;
    lower = top - (top - lower + 1) * WIDEN;
  }
  return listTraceRoots(db, workspaceId, filter, after, want);
}
