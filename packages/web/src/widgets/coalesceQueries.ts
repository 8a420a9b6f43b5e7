// Owns the coalescing the dashboard applies to the queries it issues together: queries that differ only in their
// metrics become one request with the union of their metrics (first-seen order). Browsers open ~6 HTTP/1.1
// connections per host, so fewer requests means fewer round-trip waves on a dashboard of many widgets.
import type { AnalyticsQuery } from '@llm-analytics/core';

export interface CoalescedQuery {
  /** The one request sent. */
  query: AnalyticsQuery;
  /** Positions in the input of the queries it answers (each gets the whole reply). */
  members: number[];
}

/** JSON with object keys sorted: two queries built with their keys in another order still coalesce. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

export function coalesceQueries(queries: readonly AnalyticsQuery[]): CoalescedQuery[] {
  const groups = new Map<string, CoalescedQuery>();
  for (const [i, query] of queries.entries()) {
    const { metrics: _, ...rest } = query;
    const key = canonical(rest);
    const group = groups.get(key);
    if (!group) groups.set(key, { query: { ...query, metrics: [...new Set(query.metrics)] }, members: [i] });
    else {
      group.query.metrics = [...new Set([...group.query.metrics, ...query.metrics])];
      group.members.push(i);
    }
  }
  return [...groups.values()];
}
