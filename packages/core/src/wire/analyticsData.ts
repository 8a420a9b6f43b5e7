// Owns the reply of GET /api/analytics/data (the seed's data API): per metric group, datapoints per time bucket.
import { z } from 'zod';
import { GRANULARITIES } from '../query/AnalyticsQuery.ts';

export const DATA_PERIODS = ['hour', 'day', 'week', 'month', 'all'] as const;
/** Where each metric group's datapoints land under `data.metrics`. */
export const DATA_SERIES = ['tokenUsage', 'quality', 'latency', 'errors', 'tools', 'conversations'] as const;

/** `timestamp` (bucket start, ISO) plus the group's values and, for errors/tools, a breakdown object. */
export const DataPointSchema = z
  .object({ timestamp: z.string() })
  .catchall(z.union([z.string(), z.number(), z.null(), z.record(z.string(), z.unknown())]));

export const AnalyticsDatasetSchema = z.strictObject({
  userId: z.string(),
  timeRange: z.strictObject({
    start: z.string(),
    end: z.string(),
    period: z.enum(DATA_PERIODS),
    granularity: z.enum(GRANULARITIES).exclude(['auto']).nullable(),
  }),
  metrics: z.partialRecord(z.enum(DATA_SERIES), z.array(DataPointSchema)),
  aggregations: z.record(z.string(), z.number().nullable()),
});

export const AnalyticsDataReplySchema = z.strictObject({
  success: z.literal(true),
  data: AnalyticsDatasetSchema,
});

export type DataPeriod = (typeof DATA_PERIODS)[number];
export type DataSeries = (typeof DATA_SERIES)[number];
export type DataPoint = z.output<typeof DataPointSchema>;
export type AnalyticsDataset = z.output<typeof AnalyticsDatasetSchema>;
export type AnalyticsDataReply = z.output<typeof AnalyticsDataReplySchema>;
