// Owns the cohorts side by side: the model table's metrics (MODEL_TABLE_COLUMNS) per cohort over the last 30
// days, one query grouped by `cohort`, beside all users (the same query ungrouped).
import { MODEL_TABLE_COLUMNS } from '@llm-analytics/core';
import { useQuery } from '@tanstack/react-query';
import { runQuery } from '../api/api';
import type { Cohort, Row } from '../api/types';
import { formatValue } from '../ui/format';
import { Notice } from '../ui/Notice';

const METRICS = MODEL_TABLE_COLUMNS.map((c) => c.key);

export function CohortMetrics({ cohorts }: { cohorts: Cohort[] }) {
  const grouped = useQuery({
    queryKey: ['analytics', 'cohorts', 'metrics'],
    queryFn: ({ signal }) =>
      runQuery({ metrics: [...METRICS, 'users'], dimensions: ['cohort'], date_range: '30d' }, signal),
  });
  const overall = useQuery({
    queryKey: ['analytics', 'cohorts', 'overall'],
    queryFn: ({ signal }) => runQuery({ metrics: [...METRICS, 'users'], date_range: '30d' }, signal),
  });
  const byId = new Map((grouped.data?.rows ?? []).map((r) => [r.cohort, r]));
  const rows: { name: string; row: Row | undefined }[] = [
    { name: 'All users', row: overall.data?.rows[0] },
    ...cohorts.map((c) => ({ name: c.name, row: byId.get(c.id) })),
  ];
  const failed = grouped.error ?? overall.error;
  return (
    <section
      className="panel panel-body-pad"
      aria-labelledby="cohort-metrics-heading"
      data-testid="cohort-metrics"
      data-state={grouped.isPending ? 'loading' : failed ? 'error' : 'ready'}
    >
      <h2 id="cohort-metrics-heading">Cohorts side by side (last 30 days)</h2>
      {grouped.isPending || overall.isPending ? (
        <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading cohort metrics" />
      ) : failed ? (
        <Notice kind="error" title="Could not load cohort metrics">
          {failed.message}
        </Notice>
      ) : (
        <div className="table-wrap">
          <table className="cohort-metrics-table">
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Users</th>
                {MODEL_TABLE_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ name, row }) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{formatValue(row?.users ?? 0, 'count')}</td>
                  {MODEL_TABLE_COLUMNS.map((c) => (
                    <td key={c.key}>{formatValue(row?.[c.key], c.unit)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
