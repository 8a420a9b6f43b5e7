// Owns the KPI row (MetricsOverview): one query for every KPI with its previous-period comparison.
import { useAnalytics } from '../charts/useAnalytics';
import { useDashboard } from '../dashboard/DashboardContext';
import { unpricedCount } from '../settings/UnpricedNote';
import { toNumber } from '../ui/format';
import { Notice } from '../ui/Notice';
import { KPIS, kpiQuery } from '../widgets/kpis';
import { KpiCard } from './KpiCard';

function changePct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

export function KpiCards() {
  const { ctx } = useDashboard();
  const q = useAnalytics(kpiQuery(ctx));
  const row = q.data?.rows[0];
  const prev = q.data?.comparison?.rows[0];
  const given = q.data?.comparison?.change_pct?.[0];
  return (
    <section className="kpis" aria-label="Key metrics" aria-busy={q.isFetching} data-testid="kpis">
      {q.isError && !q.data ? (
        <Notice kind="error" title="Key metrics failed to load">
          {q.error.message}
        </Notice>
      ) : (
        KPIS.map((k) => {
          const value = row ? toNumber(row[k.metric]) : null;
          const fromApi = given && k.metric in given ? given[k.metric] : undefined;
          const change =
            fromApi !== undefined ? fromApi : prev ? changePct(value, toNumber(prev[k.metric])) : undefined;
          return (
            <KpiCard
              key={k.metric}
              def={k}
              value={value}
              loading={!q.data}
              change={ctx.compare ? change : undefined}
              stale={q.isPlaceholderData}
              unpriced={k.unit === 'usd' ? unpricedCount(q.data) : 0}
            />
          );
        })
      )}
    </section>
  );
}
