// Owns the query-building parts widget declarations share: date range and filters, time series, non-null rows.
import type { AnalyticsQuery } from '@llm-analytics/core';
import type { WidgetQueryState } from './WidgetDef.ts';

/** The per-group metric a table asks for (and does not show as a column) to mark its incomplete rows. */
export const UNPRICED_METRIC = 'unpriced_messages';

/** The common part of every query: the header's date range and the filter panel's filter tree. */
export function q(s: WidgetQueryState, part: Omit<AnalyticsQuery, 'date_range'>): AnalyticsQuery {
  return { date_range: s.dateRange, ...(s.filter ? { filters: s.filter } : {}), ...part };
}
/** A time series; a single series per metric also asks for the previous period when comparison is on. */
export const overTime = (s: WidgetQueryState, metrics: string[], extra: string[] = []): AnalyticsQuery =>
  q(s, {
    metrics,
    dimensions: ['time', ...extra],
    granularity: 'auto',
    order_by: [['time', 'asc']],
    ...(s.compare && extra.length === 0 ? { compare: 'previous_period' as const } : {}),
  });
export const notNull = (key: string) => (row: Record<string, unknown>) =>
  row[key] !== null && row[key] !== '';
