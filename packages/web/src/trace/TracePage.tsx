// Owns the trace page (/traces/:traceId): summary, waterfall and the selected span's detail (?span= in the URL).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ApiError } from '../api/api';
import { Link } from '../router/Link';
import { locationStore } from '../router/locationStore';
import { useLocation } from '../router/useLocation';
import { fetchTrace } from '../traces/tracesApi';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { SpanDetail } from './SpanDetail';
import { spanTree } from './spanTree';
import { TraceSummaryBar } from './TraceSummaryBar';
import { Waterfall } from './Waterfall';

export function TracePage({ traceId }: { traceId: string }) {
  const { search } = useLocation();
  const selected = new URLSearchParams(search).get('span');
  const trace = useQuery({
    queryKey: ['traces', 'detail', traceId],
    queryFn: ({ signal }) => fetchTrace(traceId, signal),
  });
  useDocumentTitle(`Trace ${trace.data?.summary.name ?? traceId.slice(0, 12)}`);
  const tree = useMemo(() => (trace.data ? spanTree(trace.data.spans) : null), [trace.data]);
  const base = `/traces/${encodeURIComponent(traceId)}`;
  // Selecting replaces the entry: the URL shares the span, Back still leaves the trace.
  const select = useCallback(
    (spanId: string | null) =>
      locationStore.navigate(spanId ? `${base}?span=${encodeURIComponent(spanId)}` : base, { replace: true }),
    [base],
  );
  const onSelect = useCallback((id: string) => select(id), [select]);
  if (trace.isPending) {
    return (
      <main className="page">
        <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading trace" />
      </main>
    );
  }
  if (trace.isError) {
    const missing = trace.error instanceof ApiError && trace.error.status === 404;
    return (
      <main className="page" data-state={missing ? 'not-found' : 'error'}>
        <Notice
          kind={missing ? 'empty' : 'error'}
          title={missing ? 'No such trace' : 'Could not load the trace'}
        >
          {missing ? `This workspace has no trace ${traceId}.` : trace.error.message}{' '}
          <Link href="/traces">Back to traces</Link>
        </Notice>
      </main>
    );
  }
  const span = trace.data.spans.find((s) => s.span_id === selected) ?? null;
  return (
    <main className="page" id="trace" data-state="ready">
      <TraceSummaryBar summary={trace.data.summary} />
      {trace.data.spans.length < trace.data.summary.span_count ? (
        <Notice
          kind="info"
          title={`Showing the first ${trace.data.spans.length} of ${trace.data.summary.span_count} spans`}
        >
          The server sends a trace's earliest spans up to its limit; the sums above cover them all.
        </Notice>
      ) : null}
      <div className={span ? 'trace-body with-detail' : 'trace-body'}>
        {tree?.rows.length ? (
          <Waterfall tree={tree} selected={span?.span_id ?? null} onSelect={onSelect} />
        ) : (
          <Notice kind="empty" title="No spans" />
        )}
        {span ? <SpanDetail key={span.span_id} span={span} onClose={() => select(null)} /> : null}
      </div>
    </main>
  );
}
