// Owns "scan now": queues an `anomaly_scan` job, follows it (live `job` events, polling as the fallback) and says
// how it went; the feed re-reads once it is done.
import type { JobInfo as Job } from '@llm-analytics/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/api';
import { useLiveEvent } from '../live';
import { anomaliesApi } from './anomaliesApi';

const POLL_MS = 1000;
const active = (j: Job | undefined) => !j || j.status === 'queued' || j.status === 'running';

function outcome(j: Job): string {
  if (j.status === 'failed') return `The scan failed: ${j.error ?? 'unknown error'}`;
  if (j.status === 'cancelled') return 'The scan was cancelled';
  const r = j.result ?? {};
  const n = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : 0);
  return `Scan done: ${n('inserted')} new, ${n('updated')} updated`;
}

export function ScanButton({ onDone }: { onDone(): void }) {
  const qc = useQueryClient();
  const start = useMutation({ mutationFn: anomaliesApi.scan });
  const id = start.data?.id ?? null;
  const job = useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api<Job>('GET', `/api/jobs/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
    initialData: start.data,
    refetchInterval: (q) => (active(q.state.data) ? POLL_MS : false),
    staleTime: 0,
  });
  useLiveEvent('job', (e) => {
    if (e.id === id) void qc.invalidateQueries({ queryKey: ['jobs', id] });
  });
  const j = job.data;
  const running = start.isPending || (id !== null && active(j));
  const finished = id !== null && j && !active(j) ? j.status : null;
  useEffect(() => {
    if (finished) onDone();
  }, [finished, onDone]);
  return (
    <>
      {start.isError ? <span role="alert">Not started: {start.error.message}</span> : null}
      {running && j ? (
        <span role="status" className="muted">
          Scanning… {Math.round(j.progress * 100)}%
        </span>
      ) : null}
      {j && !active(j) ? (
        <span role="status" className="muted" data-testid="scan-outcome" data-status={j.status}>
          {outcome(j)}
        </span>
      ) : null}
      <button type="button" disabled={running} onClick={() => start.mutate()}>
        {running ? 'Scanning…' : 'Scan now'}
      </button>
    </>
  );
}
