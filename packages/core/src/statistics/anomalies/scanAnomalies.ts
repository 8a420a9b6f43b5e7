// Owns the anomaly scan: every slice's series of one metric and granularity in, the merged anomalies out.
import type { AnomalyGranularity, AnomalySensitivity, DetectedAnomaly } from '../../wire/anomalies.ts';
import { anomalyMetric } from './anomalyMetric.ts';
import { SENSITIVITY_THRESHOLDS } from './anomalyThresholds.ts';
import { mergeAnomalies } from './mergeAnomalies.ts';
import { scoreSeries } from './scoreSeries.ts';
import { seriesGrid } from './seriesGrid.ts';
import { parseSliceKey } from './sliceKey.ts';
import type { AnomalyBucket, AnomalyMetricDef } from './types.ts';

export interface AnomalyScanInput {
  /** A registry metric id (its kind and bad direction come from anomalyMetric), or an explicit definition. */
  metric: string | AnomalyMetricDef;
  granularity: AnomalyGranularity;
  /** Slice key (`overall`, `model:<id>`, `provider:<id>`: see sliceKey.ts) → that slice's buckets. */
  series: ReadonlyMap<string, readonly AnomalyBucket[]> | Readonly<Record<string, readonly AnomalyBucket[]>>;
}

export interface AnomalyScanOptions {
  sensitivity: AnomalySensitivity;
  /** Only anomalies ending after `from` are returned; earlier buckets still serve as baseline. */
  from?: string | number;
  /** The grid runs to `to` (exclusive), so volume that stops before it reads as zeros. Default: the last bucket. */
  to?: string | number;
}

const ms = (t: string | number | undefined) =>
  t === undefined ? undefined : typeof t === 'number' ? t : Date.parse(t);

/**
 * Scores every bucket of every slice (scoreSeries.ts: seasonal or trailing robust baseline, binomial /
 * Poisson / robust score), flags those crossing the sensitivity's threshold on the metric's bad side, and
 * merges runs (mergeAnomalies.ts). Deterministic: the same input gives the same anomalies, ids and order
 * (start, then slice key). For stable ids across scans, pass the same history length before `from` — the
 * baseline of a bucket depends only on the buckets before it.
 */
export function scanAnomalies(input: AnomalyScanInput, options: AnomalyScanOptions): DetectedAnomaly[] {
  const metric = typeof input.metric === 'string' ? anomalyMetric(input.metric) : input.metric;
  if (!metric) throw new RangeError(`unknown metric ${JSON.stringify(input.metric)}`);
  const threshold = SENSITIVITY_THRESHOLDS[options.sensitivity];
  const from = ms(options.from);
  const to = ms(options.to);
  const entries =
    input.series instanceof Map
      ? [...(input.series as ReadonlyMap<string, readonly AnomalyBucket[]>).entries()]
      : Object.entries(input.series as Readonly<Record<string, readonly AnomalyBucket[]>>);
  const keyed = entries.map(([key, buckets]) => ({ key, slice: parseSliceKey(key), buckets }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const found: { key: string; anomaly: DetectedAnomaly }[] = [];
  for (const { key, slice, buckets } of keyed) {
    const grid = seriesGrid(buckets, input.granularity, metric.kind, { to });
    const scored = scoreSeries(grid, input.granularity, metric, threshold);
    const anomalies = mergeAnomalies(scored, {
      metric: metric.id,
      slice,
      granularity: input.granularity,
      bad: metric.bad,
      threshold,
      step: grid.step,
    });
    for (const anomaly of anomalies)
      if (from === undefined || Date.parse(anomaly.end) > from) found.push({ key, anomaly });
  }
  found.sort(
    (a, b) => a.anomaly.start.localeCompare(b.anomaly.start) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return found.map((f) => f.anomaly);
}
