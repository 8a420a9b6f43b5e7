// Owns the query-building parts registry entries share: date range and filters, time series, non-null rows.
import type { AnalyticsQuery } from '../api/types';
import type { QueryContext } from '../state/queryContext';

/** The common part of every query: the header's date range and the filter panel's filter tree. */
export function q(ctx: QueryContext, part: Omit<AnalyticsQuery, 'date_range'>): AnalyticsQuery {
  return { date_range: ctx.dateRange, ...(ctx.filter ? { filters: ctx.filter } : {}), ...part };
}
export const overTime = (ctx: QueryContext, metrics: string[], extra: string[] = []): AnalyticsQuery =>
  q(ctx, { metrics, dimensions: ['time', ...extra], granularity: 'auto', order_by: [['time', 'asc']] });
export const notNull = (key: string) => (row: Record<string, unknown>) =>
  row[key] !== null && row[key] !== '';
