// Owns the query-building parts registry entries share: date range and filters, time series, non-null rows.
import type { AnalyticsQuery } from '../api/types';
import type { QueryContext } from '../state/queryContext';

/** The common part of every query: the header's date range and the filter panel's filter tree. */
export function q(ctx: QueryContext, part: Omit<AnalyticsQuery, 'date_range'>): AnalyticsQuery {
  return { date_range: ctx.dateRange, ...(ctx.filter ? { filters: ctx.filter } : {}), ...part };
}
/** A time series; a single series per metric also asks for the previous period when comparison is on. */
export const overTime = (ctx: QueryContext, metrics: string[], extra: string[] = []): AnalyticsQuery =>
  q(ctx, {
    metrics,
    dimensions: ['time', ...extra],
    granularity: 'auto',
    order_by: [['time', 'asc']],
    ...(ctx.compare && extra.length === 0 ? { compare: 'previous_period' as const } : {}),
  });
export const notNull = (key: string) => (row: Record<string, unknown>) =>
  row[key] !== null && row[key] !== '';
