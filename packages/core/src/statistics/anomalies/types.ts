// Owns the input shapes of anomaly detection: one bucket of a metric's series and how a metric is judged.

/**
 * One time bucket of one metric in one slice. `start` is the bucket's UTC start (ISO or epoch ms), aligned to
 * the hour or the day. Rates carry their counts (`successes` of `trials`: evaluations passed, errors among
 * messages…), so they are judged with their sample size; means may carry `n` (the measurements behind the
 * value), which gates the minimum sample. A bucket missing from a series counts as 0 for volume metrics and
 * as "no data" for the others.
 */
export interface AnomalyBucket {
  start: string | number;
  value: number | null;
  successes?: number;
  trials?: number;
  n?: number;
}

/**
 * How a metric's buckets are scored:
 * - `rate`: a proportion successes / trials, binomial-aware (scoreSeries.ts);
 * - `mean`: a per-bucket level (average, percentile, total cost), against a robust spread;
 * - `volume`: a count (messages), Poisson-aware.
 */
export type AnomalyMetricKind = 'rate' | 'mean' | 'volume';

/** The side that is bad news: a success rate `drop`, an error rate `rise`; volume is watched `both` ways. */
export type BadDirection = 'drop' | 'rise' | 'both';

export interface AnomalyMetricDef {
  id: string;
  kind: AnomalyMetricKind;
  bad: BadDirection;
  /** Observed and expected values are reported as proportion × scale (100 for the registry's percent rates). */
  scale: number;
  /** Means only: judged on the log scale (positive, right-skewed values with multiplicative noise). */
  log?: boolean;
}
