// Owns batching analytics queries: the queries issued in the same tick are sent as the requests
// coalesceQueries makes of them (those differing only in metrics become one). Each caller gets the full reply.
import { coalesceQueries } from '../widgets/coalesceQueries';
import { runQuery } from './api';
import type { AnalyticsQuery, QueryResult } from './types';

interface Waiting {
  query: AnalyticsQuery;
  resolve(r: QueryResult): void;
  reject(e: unknown): void;
}

let queue: Waiting[] = [];

function flush(): void {
  const waiting = queue;
  queue = [];
  for (const { query, members } of coalesceQueries(waiting.map((w) => w.query))) {
    runQuery(query).then(
      (r) => {
        for (const i of members) waiting[i].resolve(r);
      },
      (e) => {
        for (const i of members) waiting[i].reject(e);
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
