// Owns the one AnalyticsQuery behind the KPI row.
import type { AnalyticsQuery } from '../api/types';
import type { QueryContext } from '../state/queryContext';
import { KPIS } from './kpiDefs';

export function kpiQuery(ctx: QueryContext): AnalyticsQuery {
  return {
    metrics: KPIS.map((k) => k.metric),
    date_range: ctx.dateRange,
    ...(ctx.filter ? { filters: ctx.filter } : {}),
    ...(ctx.compare ? { compare: 'previous_period' as const } : {}),
  };
}
