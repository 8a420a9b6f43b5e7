// Owns one widget's frame: title, its declared query, and its loading / empty / error / data states.
import { type ReactNode, useState } from 'react';
import { useDashboard } from '../dashboard/DashboardContext';
import { ChartDownloadMenu } from '../exports/ChartDownloadMenu';
import { type ChartImage, ChartImageSlot } from '../exports/ChartImageSlot';
import { canExport } from '../exports/exportAccess';
import { UnpricedNote, unpricedCount, unpricedNoteId } from '../settings/UnpricedNote';
import { Notice } from '../ui/Notice';
import type { WidgetDef } from '../widgets/WidgetDef';
import { ChartSkeleton } from './ChartSkeleton';
import { ErrorBoundary } from './ErrorBoundary';
import { RENDERERS } from './renderers';
import { useAnalytics } from './useAnalytics';
import { showsCost } from './viewUnits';

export function ChartCard({ entry }: { entry: WidgetDef }) {
  const { ctx, role } = useDashboard();
  const [image, setImage] = useState<ChartImage | null>(null);
  const query = entry.query ? entry.query(ctx) : null;
  const res = useAnalytics(query);
  const rows = res.data ? (entry.rowFilter ? res.data.rows.filter(entry.rowFilter) : res.data.rows) : [];
  let body: ReactNode;
  let state: string;
  if (query && res.isError && !res.data) {
    state = 'error';
    body = (
      <Notice kind="error" title="Could not load this chart">
        {res.error.message}{' '}
        <button type="button" className="link" onClick={() => void res.refetch()}>
          Retry
        </button>
      </Notice>
    );
  } else if (query && !res.data) {
    state = 'loading';
    body = <ChartSkeleton />;
  } else if (query && rows.length === 0) {
    state = 'empty';
    body = (
      <Notice kind="empty" title="Nothing to show">
        {`${entry.empty} in ${ctx.rangeLabel}${ctx.filtersActive ? ' matching the current filters' : ''}.`}
      </Notice>
    );
  } else {
    state = 'ready';
    const Component = RENDERERS[entry.view.kind];
    body = <Component entry={entry} rows={rows} result={res.data} />;
  }
  return (
    <article
      className={`card${entry.wide ? ' wide' : ''}${res.isPlaceholderData ? ' stale' : ''}`}
      data-testid={`chart-${entry.id}`}
      aria-busy={res.isFetching}
    >
      <header className="card-head">
        <h3>{entry.title}</h3>
        <p>{entry.description}</p>
        {query && state === 'ready' && canExport(role) ? (
          <ChartDownloadMenu id={entry.id} title={entry.title} query={query} image={image} />
        ) : null}
      </header>
      <ChartImageSlot.Provider value={setImage}>
        <ErrorBoundary resetKey={JSON.stringify(query)}>
          {query ? <div data-state={state}>{body}</div> : body}
        </ErrorBoundary>
      </ChartImageSlot.Provider>
      {showsCost(entry.view) ? (
        <UnpricedNote count={unpricedCount(res.data, rows)} id={unpricedNoteId(entry.id)} />
      ) : null}
    </article>
  );
}
