// Owns re-running the dashboard's queries on live events: after a `data` event only the analytics queries that
// read a table it names (queryTables, from the registry), after a `reset` every query of the page.
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
        // Other analytics keys (a filter's dimension values: ['analytics', 'values', id]) read messages' columns.
        if (!isQuery(query)) return written.has('messages');
        return queryTables(query).some((t) => written.has(t));
      },
    });
  });
  useLiveEvent('reset', () => {
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  });
}
