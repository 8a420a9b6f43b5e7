// Owns the KPI row: its cards (metric id, label, unit, which direction of change is good) and its one query.
import { type AnalyticsQuery, KPIS } from '@llm-analytics/core';
import type { WidgetQueryState } from './WidgetDef.ts';

/** The KPI row's id where a widget id is expected (e.g. the widgets a dashboard request serves). */
export const KPI_ROW = 'kpis';

/** The cards are core's (one source: the exported report shows the same row). */
export { KPIS };

/** Every KPI in one query, with the previous period when comparison is on. */
export function kpiQuery(s: WidgetQueryState): AnalyticsQuery {
  return {
    metrics: KPIS.map((k) => k.metric),
    date_range: s.dateRange,
    ...(s.filter ? { filters: s.filter } : {}),
    ...(s.compare ? { compare: 'previous_period' as const } : {}),
  };
}
