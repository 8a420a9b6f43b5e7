// Owns the "last updated" stamp: the time the most recent analytics fetch finished, and a spinner while busy.
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export function LastUpdated() {
  const qc = useQueryClient();
  const fetching = useIsFetching({ queryKey: ['analytics'] });
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => {
    if (fetching > 0) return;
    const latest = qc
      .getQueryCache()
      .findAll({ queryKey: ['analytics'] })
      .reduce((m, q) => Math.max(m, q.state.dataUpdatedAt), 0);
    if (latest > 0) setAt(latest);
  }, [fetching, qc]);
  return (
    <span className="last-updated" aria-live="polite" data-testid="last-updated">
      {fetching > 0 ? 'Updating…' : at ? `Updated ${new Date(at).toLocaleTimeString()}` : ''}
    </span>
  );
}
