// Owns re-running the dashboard's queries on live events: after a `data` event only the analytics queries that
// read a table it names (queryTables, from the registry) and the other analytics reads, after a `reset` every
// query of the page.
import { type AnalyticsQuery, queryTables } from '@llm-analytics/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../live';

const isQuery = (k: unknown): k is AnalyticsQuery =>
  typeof k === 'object' && k !== null && Array.isArray((k as { metrics?: unknown }).metrics);

export function useLiveRefresh(): void {
  const qc = useQueryClient();
  useLiveEvent('data', (e) => {
    const written = new Set<string>(e.tables);
    void qc.invalidateQueries({
      predicate: (q) => {
        if (q.queryKey[0] !== 'analytics') return false;
        const query = q.queryKey[1];
        // The few analytics reads that are not an AnalyticsQuery (judgment examples, the activity feed, a filter's
        // values) have no table list: any commit re-runs them.
        if (!isQuery(query)) return true;
        return queryTables(query).some((t) => written.has(t));
      },
    });
  });
  useLiveEvent('reset', () => {
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  });
}
