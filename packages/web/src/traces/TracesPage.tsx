// Owns the trace list page (/traces): filters kept in the URL, the newest traces first, "Load more" by cursor.
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { locationStore } from '../router/locationStore';
import { useLocation } from '../router/useLocation';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { TraceFilterBar } from './TraceFilterBar';
import { TraceTable } from './TraceTable';
import { activeTraceFilters, parseTraceFilters, type TraceFilters, tracesHref } from './traceFilters';
import { fetchTracePage } from './tracesApi';

export function TracesPage() {
  const { search } = useLocation();
  useDocumentTitle('Traces');
  const filters = useMemo(() => parseTraceFilters(search), [search]);
  // Filters replace the entry: Back leaves the list instead of stepping through every filter tried.
  const update = (patch: Partial<TraceFilters>) =>
    locationStore.navigate(tracesHref({ ...filters, ...patch }), { replace: true });
  const list = useInfiniteQuery({
    queryKey: ['traces', 'list', filters],
    queryFn: ({ pageParam, signal }) => fetchTracePage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const traces = list.data?.pages.flatMap((p) => p.traces) ?? [];
  let body: ReactNode;
  if (list.isPending) {
    body = <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading traces" />;
  } else if (list.isError && traces.length === 0) {
    body = (
      <Notice kind="error" title="Could not load traces">
        {list.error.message}
      </Notice>
    );
  } else if (traces.length === 0) {
    body = (
      <Notice kind="empty" title="No traces">
        {activeTraceFilters(filters) > 0
          ? 'No trace matches these filters.'
          : 'Nothing has been sent to /v1/traces yet: point an OpenTelemetry exporter at it.'}
      </Notice>
    );
  } else {
    body = (
      <>
        <TraceTable traces={traces} />
        <div className="toolbar">
          <span className="muted" aria-live="polite">
            {traces.length} trace{traces.length === 1 ? '' : 's'}
            {list.hasNextPage ? ' so far' : ''}
          </span>
          <span className="spacer" />
          {list.isFetchNextPageError ? (
            <span role="alert">Could not load more: {list.error?.message}</span>
          ) : null}
          {list.hasNextPage ? (
            <button
              type="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>
      </>
    );
  }
  return (
    <main className="page" id="traces">
      <section className="header-bar">
        <h1>Traces</h1>
      </section>
      <TraceFilterBar filters={filters} onChange={update} />
      <div
        className="panel panel-body-pad"
        data-state={
          list.isPending
            ? 'loading'
            : list.isError && !traces.length
              ? 'error'
              : traces.length
                ? 'ready'
                : 'empty'
        }
        aria-busy={list.isFetching}
      >
        {body}
      </div>
    </main>
  );
}
