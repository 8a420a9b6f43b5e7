// Owns the `timeseries` export: the chosen metrics per time bucket over the window, from one AnalyticsQuery
// grouped by time; buckets without data are rows too (counts 0, averages empty), as the dashboard draws them.
import { type AnalyticsReply, type ExportTable, registry, TIMESERIES_METRICS } from '@llm-analytics/core';
import { bucketStarts } from '../../analytics/seed/dataGroups.ts';
import type { ExportDeps, ExportScope } from '../ExportScope.ts';
import { replyTable } from './queryTable.ts';

export interface TimeseriesContent {
  /** Columns: time (bucket start), then one per metric. */
  table: ExportTable;
  reply: AnalyticsReply;
}

export async function timeseriesTable(deps: ExportDeps, scope: ExportScope): Promise<TimeseriesContent> {
  const metrics = scope.includedMetrics ?? [...TIMESERIES_METRICS];
  const reply = await deps.analytics.query(
    scope.workspaceId,
    {
      metrics,
      dimensions: ['time'],
      granularity: scope.granularity ?? 'auto',
      date_range: scope.dateRange,
      order_by: [['time', 'asc']],
      ...(scope.filters ? { filters: scope.filters } : {}),
    },
    scope.now,
  );
  const table = replyTable(reply, 'timeseries');
  const { window, time_bucket } = reply.meta;
  if (!window || !time_bucket) return { table, reply };
  const byTime = new Map(table.rows.map((r) => [r[0], r]));
  const empty = metrics.map((m) => registry.metrics.get(m)?.empty ?? null);
  const range = { from: new Date(window.from), to: new Date(window.to) };
  table.rows = bucketStarts(range, time_bucket).map((t) => byTime.get(t) ?? [t, ...empty]);
  return { table, reply };
}
