// Owns the workspace activity feed: the latest events of /api/activity.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import type { ActivityPage } from '../api/types';
import type { ChartProps } from '../charts/ChartProps';
import { ChartSkeleton } from '../charts/ChartSkeleton';
import { useDashboard } from '../dashboard/DashboardContext';
import { Notice } from '../ui/Notice';

export function ActivityFeed({ entry }: ChartProps) {
  const { refetchInterval } = useDashboard();
  const res = useQuery({
    queryKey: ['analytics', 'activity'],
    queryFn: ({ signal }) => api<ActivityPage>('GET', '/api/activity?limit=50', undefined, signal),
    refetchInterval,
  });
  if (res.isError && !res.data) {
    return (
      <div data-state="error">
        <Notice kind="error" title="Could not load the activity log">
          {res.error.message}
        </Notice>
      </div>
    );
  }
  if (!res.data) return <ChartSkeleton />;
  const events = res.data.events;
  if (events.length === 0) {
    return (
      <div data-state="empty">
        <Notice kind="empty" title="Nothing to show">
          {`${entry.empty} in this workspace yet: settings changes, keys and members appear here.`}
        </Notice>
      </div>
    );
  }
  return (
    <ol className="activity" data-state="ready">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>{' '}
          <strong>{e.actor ?? 'system'}</strong> {e.action.replace(/[._]/g, ' ')}
          {e.target ? (
            <>
              {' '}
              · <code>{e.target}</code>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
