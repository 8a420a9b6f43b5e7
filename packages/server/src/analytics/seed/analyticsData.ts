// Owns GET /api/analytics/data (the seed's main data API): parameters → AnalyticsQuery objects per requested
// metric group → the seed's AnalyticsDataset shape. No SQL here: every number comes from AnalyticsService.
import {
  type AnalyticsDataReply,
  type AnalyticsDataset,
  type AnalyticsQuery,
  type AnalyticsReply,
  DATA_PERIODS,
} from '@llm-analytics/core';
import { z } from 'zod';
import type { AnalyticsService } from '../AnalyticsService.ts';
import {
  bucketStarts,
  GROUPS,
  METRIC_GROUPS,
  type MetricGroup,
  toAggregations,
  toDataPoints,
} from './dataGroups.ts';
import { resolveSeedRange } from './seedParams.ts';

export const AnalyticsDataParams = z.object({
  startDate: z.string().max(64).optional(),
  endDate: z.string().max(64).optional(),
  period: z.enum(DATA_PERIODS).default('day'),
  metrics: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      const list = (s ?? METRIC_GROUPS.join(','))
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      const bad = list.filter((m) => !(METRIC_GROUPS as readonly string[]).includes(m));
      if (bad.length || list.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `metrics must be a comma list of ${METRIC_GROUPS.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(list)] as MetricGroup[];
    }),
  /** Bucket override for the time series (the seed's "aggregation level"); `period` decides when absent. */
  granularity: z.enum(['hour', 'day', 'week', 'month', 'auto']).optional(),
});
export type AnalyticsDataParams = z.output<typeof AnalyticsDataParams>;

export interface AnalyticsDataDeps {
  analytics: AnalyticsService;
  config: { maxDateRangeDays: number };
}

export async function analyticsData(
  deps: AnalyticsDataDeps,
  workspaceId: string,
  userId: string,
  params: AnalyticsDataParams,
  now = new Date(),
): Promise<AnalyticsDataReply> {
  const range = resolveSeedRange(params.startDate, params.endDate, {
    maxDays: deps.config.maxDateRangeDays,
    defaultDays: 30,
    now,
  });
  const date_range = { from: range.from, to: range.to };
  const byTime =
    params.period !== 'all' || (params.granularity !== undefined && params.granularity !== 'auto');
  const granularity = params.granularity ?? (params.period === 'all' ? 'auto' : params.period);
  const run = (metrics: string[], dimensions: string[]): Promise<AnalyticsReply> => {
    const q: AnalyticsQuery = { metrics, date_range };
    const dims = byTime ? ['time', ...dimensions] : dimensions;
    if (dims.length) q.dimensions = dims;
    if (byTime) q.granularity = granularity;
    return deps.analytics.query(workspaceId, q, now);
  };

  const groups = params.metrics;
  const totalsMetrics = [...new Set(groups.flatMap((g) => GROUPS[g].metrics))];
  const [totals, ...perGroup] = await Promise.all([
    deps.analytics.query(workspaceId, { metrics: totalsMetrics, date_range }, now),
    ...groups.map(async (g) => {
      const def = GROUPS[g];
      const b = def.breakdown;
      return Promise.all([run(def.metrics, []), b ? run(b.metrics, [b.dimension]) : undefined]);
    }),
  ]);

  const bucket = byTime ? (perGroup[0][0].meta.time_bucket ?? 'day') : null;
  const timestamps = bucket ? bucketStarts(range.window, bucket) : [range.window.from.toISOString()];
  const metrics: AnalyticsDataset['metrics'] = {};
  groups.forEach((g, i) => {
    const [series, breakdown] = perGroup[i];
    metrics[GROUPS[g].key] = toDataPoints(GROUPS[g], timestamps, series, breakdown, byTime);
  });
  return {
    success: true,
    data: {
      userId,
      timeRange: {
        start: range.window.from.toISOString(),
        end: range.window.to.toISOString(),
        period: params.period,
        granularity: bucket,
      },
      metrics,
      aggregations: toAggregations(totals),
    },
  };
}
