// Owns the A/B sessions table: the sortable session rows, and when an experiment holds a row's session, that
// variant's primary-metric difference from the experiment's control, its 95% interval and the verdict.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ChartProps } from '../charts/ChartProps';
import { experimentFormat } from '../experiments/experimentFormat';
import { experimentsApi } from '../experiments/experimentsApi';
import { metricInfo } from '../experiments/metricInfo';
import { VerdictBadge } from '../experiments/VerdictBadge';
import { Link } from '../router/Link';
import { type ExtraColumn, SortableTable } from './SortableTable';

export function SessionComparisonTable(props: ChartProps) {
  const list = useQuery({
    queryKey: ['experiments', 'list'],
    queryFn: ({ signal }) => experimentsApi.list(signal),
  });
  const shown = new Set(props.rows.map((r) => String(r.session)));
  // A session belongs to the first experiment (newest first, as listed) whose variant names it.
  const owner = new Map<string, { experimentId: string; variant: string }>();
  for (const e of list.data?.experiments ?? [])
    for (const v of e.variants)
      for (const s of v.session_ids ?? [])
        if (shown.has(s) && !owner.has(s)) owner.set(s, { experimentId: e.id, variant: v.name });
  const covering = (list.data?.experiments ?? []).filter((e) =>
    [...owner.values()].some((o) => o.experimentId === e.id),
  );
  const results = useQueries({
    queries: covering.map((e) => ({
      queryKey: ['experiments', e.id, 'results', null],
      queryFn: ({ signal }: { signal: AbortSignal }) => experimentsApi.results(e.id, null, signal),
    })),
  });
  const byId = new Map(covering.map((e, i) => [e.id, { experiment: e, results: results[i] }]));
  const of = (row: ChartProps['rows'][number]) => {
    const o = owner.get(String(row.session));
    const hit = o ? byId.get(o.experimentId) : undefined;
    if (!o || !hit) return null;
    const e = hit.experiment;
    const c = hit.results.data?.comparisons.find(
      (x) => x.variant === o.variant && x.metric === e.primary_metric,
    );
    return { o, e, c, r: hit.results };
  };
  const extra: ExtraColumn[] =
    owner.size === 0
      ? []
      : [
          {
            key: 'vs-control',
            label: 'vs control (primary metric)',
            cell: (row) => {
              const x = of(row);
              if (!x) return '—';
              const link = (
                <Link href={`/experiments/${encodeURIComponent(x.e.id)}`}>
                  {metricInfo(x.e.primary_metric).label}
                </Link>
              );
              if (x.o.variant === x.e.control) return <span className="muted">control · {link}</span>;
              if (x.r.isPending) return <span className="muted">…</span>;
              if (x.r.isError) return <span role="alert">results failed</span>;
              if (!x.c) return '—';
              return (
                <span className="vs-control">
                  {link} {experimentFormat.difference(x.c.metric, x.c.difference)}{' '}
                  <span className="muted">({experimentFormat.interval(x.c.metric, x.c.ci)})</span>
                </span>
              );
            },
          },
          {
            key: 'verdict',
            label: 'Verdict',
            cell: (row) => {
              const x = of(row);
              return x?.c && x.o.variant !== x.e.control ? <VerdictBadge verdict={x.c.verdict} /> : null;
            },
          },
        ];
  return <SortableTable {...props} extra={extra} />;
}
