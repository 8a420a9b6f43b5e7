// Owns the anomaly shapes of /api/analytics/anomalies: a detected anomaly, the stored record, list and PATCH.
import { z } from 'zod';

export const ANOMALY_SENSITIVITIES = ['low', 'medium', 'high'] as const;
export const ANOMALY_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ANOMALY_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const ANOMALY_GRANULARITIES = ['hour', 'day'] as const;
export const ANOMALY_SLICE_DIMENSIONS = ['overall', 'model', 'provider'] as const;
/** How the expected value of a bucket was formed (see statistics/anomalies/bucketCenters.ts). */
export const ANOMALY_BASELINES = [
  'hour_of_week',
  'hour_of_day',
  'day_of_week',
  'recent_days',
  'trailing',
] as const;

export type AnomalySensitivity = (typeof ANOMALY_SENSITIVITIES)[number];
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];
export type AnomalyGranularity = (typeof ANOMALY_GRANULARITIES)[number];
export type AnomalyBaseline = (typeof ANOMALY_BASELINES)[number];

const isoDateTime = z.iso.datetime({ offset: true });

export const AnomalySliceSchema = z.strictObject({
  dimension: z.enum(ANOMALY_SLICE_DIMENSIONS),
  /** The model or provider id; null for `overall`. */
  value: z.string().min(1).max(500).nullable(),
});
export type AnomalySlice = z.infer<typeof AnomalySliceSchema>;

/** One judged bucket of an anomaly, for the feed's small chart (observed against the expected band). */
export const AnomalyPointSchema = z.strictObject({
  start: isoDateTime,
  value: z.number(),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
  /** The signed score (a z-score: see statistics/anomalies/scoreSeries.ts). */
  score: z.number(),
});
export type AnomalyPoint = z.infer<typeof AnomalyPointSchema>;

/** What a scan finds: consecutive anomalous buckets of one metric, slice and granularity, merged. */
export const DetectedAnomalySchema = z.strictObject({
  /** Hash of (metric, slice, granularity, start): a re-scan finds the same id and upserts. */
  id: z.string(),
  metric: z.string().min(1).max(64),
  granularity: z.enum(ANOMALY_GRANULARITIES),
  slice: AnomalySliceSchema,
  /** `drop`: below the expected band; `spike`: above it. */
  direction: z.enum(['drop', 'spike']),
  /** Start of the first anomalous bucket (inclusive) and end of the last one (exclusive). */
  start: isoDateTime,
  end: isoDateTime,
  buckets: z.number().int().positive(),
  /** The bucket with the largest |score|. */
  peak: z.strictObject({ start: isoDateTime, value: z.number(), score: z.number() }),
  /** Expected value at the peak and the band inside which the peak would not have been flagged. */
  expected: z.strictObject({ value: z.number(), low: z.number(), high: z.number() }),
  /** Evaluations (rates), measurements (means) or messages (volume) behind the peak bucket. */
  sample: z.number().nullable(),
  baseline: z.enum(ANOMALY_BASELINES),
  /** From the peak's |score|: ≥ 4 medium, ≥ 6 high, ≥ 10 critical, else low. */
  severity: z.enum(ANOMALY_SEVERITIES),
  /** The least sensitive setting whose threshold the peak crosses: a `low` anomaly also shows at medium and high. */
  sensitivity: z.enum(ANOMALY_SENSITIVITIES),
  points: z.array(AnomalyPointSchema),
});
export type DetectedAnomaly = z.infer<typeof DetectedAnomalySchema>;

/** The stored row of `analytics_anomalies`: a detected anomaly plus its triage state. */
export const AnomalyRecordSchema = DetectedAnomalySchema.extend({
  status: z.enum(ANOMALY_STATUSES),
  acknowledged_by: z.string().nullable(),
  acknowledged_at: isoDateTime.nullable(),
  resolved_by: z.string().nullable(),
  resolved_at: isoDateTime.nullable(),
  /** First found by a scan; last changed by a scan or a PATCH. */
  detected_at: isoDateTime,
  updated_at: isoDateTime,
}).meta({ id: 'AnomalyRecord' });
export type AnomalyRecord = z.infer<typeof AnomalyRecordSchema>;

const dateOrDateTime = z.union([z.iso.date(), isoDateTime]);

/** GET /api/analytics/anomalies — the seed's parameters. */
export const AnomalyListQuerySchema = z.strictObject({
  startDate: dateOrDateTime.optional(),
  endDate: dateOrDateTime.optional(),
  /** Shows anomalies whose `sensitivity` is at most this sensitive (medium → low and medium). */
  sensitivity: z.enum(ANOMALY_SENSITIVITIES).default('medium'),
  metric: z.string().min(1).max(64).optional(),
  status: z.enum(ANOMALY_STATUSES).optional(),
  model: z.string().min(1).max(500).optional(),
  provider: z.string().min(1).max(500).optional(),
  granularity: z.enum(ANOMALY_GRANULARITIES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AnomalyListQuery = z.infer<typeof AnomalyListQuerySchema>;

export const AnomalyListSchema = z
  .strictObject({ anomalies: z.array(AnomalyRecordSchema) })
  .meta({ id: 'AnomalyList' });

/** PATCH /api/analytics/anomalies/:id — acknowledge, resolve or reopen. */
export const AnomalyPatchSchema = z.strictObject({ status: z.enum(ANOMALY_STATUSES) });
