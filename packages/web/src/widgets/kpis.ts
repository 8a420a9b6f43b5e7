// Owns the KPI row: its cards (metric id, label, unit, which direction of change is good) and its one query.
import type { AnalyticsQuery } from '@llm-analytics/core';
import type { KpiDef, WidgetQueryState } from './WidgetDef.ts';

/** The KPI row's id where a widget id is expected (e.g. the widgets a dashboard request serves). */
export const KPI_ROW = 'kpis';

export const KPIS: KpiDef[] = [
  { metric: 'messages', label: 'Messages', unit: 'count', better: 'none' },
  { metric: 'conversations', label: 'Conversations', unit: 'count', better: 'none' },
  { metric: 'avg_rating', label: 'Avg rating', unit: 'rating', better: 'up' },
  { metric: 'success_rate', label: 'Success rate', unit: 'percent', better: 'up' },
  { metric: 'error_rate', label: 'Error rate', unit: 'percent', better: 'down' },
  { metric: 'latency_p95', label: 'p95 latency', unit: 'ms', better: 'down' },
  { metric: 'sla_breach_rate', label: 'SLA breach rate', unit: 'percent', better: 'down' },
  { metric: 'cost', label: 'Total cost', unit: 'usd', better: 'down' },
  { metric: 'total_tokens', label: 'Tokens', unit: 'tokens', better: 'none' },
];

/** Every KPI in one query, with the previous period when comparison is on. */
export function kpiQuery(s: WidgetQueryState): AnalyticsQuery {
  return {
    metrics: KPIS.map((k) => k.metric),
    date_range: s.dateRange,
    ...(s.filter ? { filters: s.filter } : {}),
    ...(s.compare ? { compare: 'previous_period' as const } : {}),
  };
}
