// Owns the AnomalyFeed widget: the workspace's anomalies newest first (open and acknowledged by default), their
// triage, "scan now", a click that shows an anomaly's slice and period on the dashboard; live on `anomaly` events.
import type { AnomalySensitivity, AnomalyStatus } from '@llm-analytics/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import { canManageAlerts } from '../alerts/canManageAlerts';
import type { ChartProps } from '../charts/ChartProps';
import { ChartSkeleton } from '../charts/ChartSkeleton';
import { useDashboard } from '../dashboard/DashboardContext';
import { useLiveEvent } from '../live';
import { Notice } from '../ui/Notice';
import { useCoalesced } from '../ui/useCoalesced';
import { AnomalyItem } from './AnomalyItem';
import { anomaliesApi } from './anomaliesApi';
import { anomalyFocus } from './anomalyFocus';
import { ScanButton } from './ScanButton';

const SHOWN: Record<string, AnomalyStatus[]> = {
  active: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
};

export function AnomalyFeed({ entry }: ChartProps) {
  const { role, update, refetchInterval } = useDashboard();
  const canTriage = canManageAlerts(role);
  const [shown, setShown] = useState('active');
  const [sensitivity, setSensitivity] = useState<AnomalySensitivity>('medium');
  const qc = useQueryClient();
  const lists = useQueries({
    queries: SHOWN[shown].map((status) => ({
      queryKey: ['anomalies', { status, sensitivity }],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        anomaliesApi.list({ status, sensitivity, limit: 50 }, signal),
      refetchInterval,
    })),
  });
  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: ['anomalies'] }), [qc]);
  // A scan's findings and others' triage arrive as `anomaly` events (a `reset` re-reads the whole page).
  useLiveEvent(
    'anomaly',
    useCoalesced(() => void refresh()),
  );
  const triage = useMutation({
    mutationFn: (a: { id: string; status: AnomalyStatus }) => anomaliesApi.triage(a.id, a.status),
    onSettled: refresh,
  });
  const failed = lists.find((l) => l.isError && !l.data);
  const anomalies = lists
    .flatMap((l) => l.data?.anomalies ?? [])
    .sort((a, b) => b.start.localeCompare(a.start) || b.peak.score - a.peak.score);
  let body: ReactNode;
  if (failed?.error) {
    body = (
      <div data-state="error">
        <Notice kind="error" title="Could not load the anomalies">
          {failed.error.message}{' '}
          <button type="button" className="link" onClick={() => void refresh()}>
            Retry
          </button>
        </Notice>
      </div>
    );
  } else if (lists.some((l) => !l.data)) {
    body = <ChartSkeleton />;
  } else if (anomalies.length === 0) {
    body = (
      <div data-state="empty">
        <Notice kind="empty" title="Nothing to show">
          {`${entry.empty} (${shown === 'active' ? 'open or acknowledged' : shown}, at ${sensitivity} sensitivity).`}
        </Notice>
      </div>
    );
  } else {
    body = (
      <ol className="anomalies" data-state="ready">
        {anomalies.map((a) => (
          <AnomalyItem
            key={a.id}
            anomaly={a}
            canTriage={canTriage}
            busy={triage.isPending && triage.variables?.id === a.id}
            onFocus={() => {
              update(anomalyFocus(a));
              window.scrollTo({ top: 0 });
            }}
            onTriage={(status) => triage.mutate({ id: a.id, status })}
          />
        ))}
      </ol>
    );
  }
  return (
    <div className="anomaly-feed" data-testid="anomaly-feed">
      <div className="toolbar">
        <label className="inline-select">
          Show
          <select value={shown} onChange={(e) => setShown(e.target.value)}>
            <option value="active">Open and acknowledged</option>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
        <label className="inline-select">
          Sensitivity
          <select value={sensitivity} onChange={(e) => setSensitivity(e.target.value as AnomalySensitivity)}>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </label>
        <span className="spacer" />
        {canTriage ? <ScanButton onDone={refresh} /> : null}
      </div>
      {triage.error ? (
        <Notice kind="error" title="Not changed">
          {triage.error.message}
        </Notice>
      ) : null}
      {body}
    </div>
  );
}
