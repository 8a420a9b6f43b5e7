// Owns coalescing analytics queries: queries issued in the same tick that differ only in their metrics are
// sent as one request with the union of metrics. Browsers open ~6 HTTP/1.1 connections per host, so fewer
// requests means fewer round-trip waves on a dashboard of many widgets. Each caller still gets the full reply.
import { runQuery } from './api';
import type { AnalyticsQuery, QueryResult } from './types';

interface Waiting {
  query: AnalyticsQuery;
  resolve(r: QueryResult): void;
  reject(e: unknown): void;
}

let queue: Waiting[] = [];

function flush(): void {
  const groups = new Map<string, Waiting[]>();
  for (const w of queue) {
    const { metrics: _, ...rest } = w.query;
    const key = JSON.stringify(rest);
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  queue = [];
  for (const group of groups.values()) {
    const metrics = [...new Set(group.flatMap((w) => w.query.metrics))];
    runQuery({ ...group[0].query, metrics }).then(
      (r) => {
        for (const w of group) w.resolve(r);
      },
      (e) => {
        for (const w of group) w.reject(e);
      },
    );
  }
}

export function batchedQuery(query: AnalyticsQuery): Promise<QueryResult> {
  return new Promise((resolve, reject) => {
    if (queue.length === 0) setTimeout(flush, 0);
    queue.push({ query, resolve, reject });
  });
}
