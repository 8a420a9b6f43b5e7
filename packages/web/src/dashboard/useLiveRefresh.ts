// Owns re-running the dashboard's queries on live events: after a `data` event only the analytics queries that
// read a table it names (queryTables, from the registry) and the other analytics reads, after a `reset` every
// query of the page.
import type { AnalyticsQuery } from '@llm-analytics/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../live';

/** queryTables reads the registry, kept out of the first bundle (its texts name the price catalog): loaded on
 *  the first data event. */
const loadQueryTables = () => import('@llm-analytics/core').then((m) => m.queryTables);

const isQuery = (k: unknown): k is AnalyticsQuery =>
  typeof k === 'object' && k !== null && Array.isArray((k as { metrics?: unknown }).metrics);

export function useLiveRefresh(): void {
  const qc = useQueryClient();
  useLiveEvent('data', async (e) => {
    const written = new Set<string>(e.tables);
    const queryTables = await loadQueryTables();
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
