// Owns the `overview` export: the KPIs over the window with the previous period beside them, from one
// AnalyticsQuery with `compare: "previous_period"` (the KPI row's query), one row per metric.
import { type AnalyticsReply, type ExportTable, OVERVIEW_METRICS } from '@llm-analytics/core';
import type { ExportDeps, ExportScope } from '../ExportScope.ts';
import { metricColumn } from './replyColumns.ts';

export interface OverviewContent {
  /** Columns: metric, unit, value, previous, change_pct. */
  table: ExportTable;
  /** The query API's reply (window, comparison window, unpriced messages). */
  reply: AnalyticsReply;
}

export async function overviewTable(deps: ExportDeps, scope: ExportScope): Promise<OverviewContent> {
  const metrics = scope.includedMetrics ?? [...OVERVIEW_METRICS];
  const reply = await deps.analytics.query(
    scope.workspaceId,
    {
      metrics,
      date_range: scope.dateRange,
      compare: 'previous_period',
      ...(scope.filters ? { filters: scope.filters } : {}),
    },
    scope.now,
  );
  const cur = reply.rows[0] ?? {};
  const prev = reply.comparison?.rows[0] ?? {};
  const change = reply.comparison?.change_pct[0] ?? {};
  return {
    reply,
    table: {
      name: 'overview',
      columns: [
        { name: 'metric', type: 'text' },
        { name: 'unit', type: 'text' },
        { name: 'value', type: 'double' },
        { name: 'previous', type: 'double' },
        { name: 'change_pct', type: 'double', unit: 'percent' },
      ],
      rows: metrics.map((m) => [
        m,
        metricColumn(m).unit ?? null,
        cur[m] ?? null,
        prev[m] ?? null,
        change[m] ?? null,
      ]),
    },
  };
}
