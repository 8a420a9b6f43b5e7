// Owns re-running the dashboard's queries on live events: after a `data` event only the analytics queries that
// read a table it names (queryTables, from the registry), after a `reset` every query of the page.
import { type AnalyticsQuery, queryTables } from '@llm-analytics/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../live';

export function useLiveRefresh(): void {
  const qc = useQueryClient();
  useLiveEvent('data', (e) => {
    const written = new Set<string>(e.tables);
    void qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'analytics' &&
        !!q.queryKey[1] &&
        queryTables(q.queryKey[1] as AnalyticsQuery).some((t) => written.has(t)),
    });
  });
  useLiveEvent('reset', () => {
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  });
}
