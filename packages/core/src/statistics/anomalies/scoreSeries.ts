// Owns the per-bucket anomaly score: binomial-aware for rates, Poisson-aware for volume, robust for means.
import type { AnomalyBaseline, AnomalyGranularity } from '../../wire/anomalies.ts';
import { MIN_SAMPLE } from './anomalyThresholds.ts';
import { bucketCenters } from './bucketCenters.ts';
import { median } from './median.ts';
import { MAD_SCALE } from './robustSpread.ts';
import type { SeriesGrid } from './seriesGrid.ts';
import type { AnomalyMetricDef } from './types.ts';

interface Spread {
  /** Means: 1.4826·MAD of residuals. */
  sigma: number;
  /** Rates and volume: the variance beyond the sampling model (τ², κ²). */
  tau2: number;
  /** Means: the median n behind the residuals. */
  typicalN: number;
}

/** A judged bucket; values are in the metric's unit (rates × scale). */
export interface ScoredBucket {
  start: number;
  value: number;
  expected: number;
  low: number;
  high: number;
  score: number;
  sample: number | null;
  baseline: AnomalyBaseline;
}

/** Residuals behind a spread: the last 4 weeks (hourly) / 8 weeks (daily), re-estimated daily / per bucket. */
const WINDOW: Readonly<Record<AnomalyGranularity, number>> = { hour: 672, day: 56 };
const REFRESH: Readonly<Record<AnomalyGranularity, number>> = { hour: 24, day: 1 };
/** Residuals a spread needs (a day of hourly buckets, a week of daily ones); before that nothing is judged. */
const MIN_RESIDUALS: Readonly<Record<AnomalyGranularity, number>> = { hour: 24, day: 7 };
/** A mean's spread is at least 1 % of its level, so a flat series does not turn noise-free. */
const REL_FLOOR = 0.01;

const anscombe = (x: number) => 2 * Math.sqrt(x + 0.375);
/** Anscombe's arcsine transform of x successes in n trials; variance ≈ 1/(4n). */
const arcsine = (x: number, n: number) => Math.asin(Math.sqrt((x + 0.375) / (n + 0.75)));
const asinSqrt = (p: number) => Math.asin(Math.sqrt(Math.min(1, Math.max(0, p))));
const sinSq = (y: number) => Math.sin(Math.min(Math.PI / 2, Math.max(0, y))) ** 2;
const mad = (xs: number[]) => {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
};

/**
 * Scores every bucket i that has a centre cᵢ (bucketCenters.ts) and enough earlier residuals. Spreads come
 * from residuals of earlier buckets only, by the MAD (× 1.4826), so past incidents do not widen the band:
 * - rate (x successes of n): z = (y − asin√c) / √(1/(4n) + τ²) with y = asin√((x + ⅜)/(n + ¾)), Anscombe's
 *   arcsine transform, whose variance 1/(4n) does not depend on p — better calibrated than the plain score
 *   (p̂ − c)/√(c(1−c)/n) for rare events such as a 3 % error rate over 40 messages. So 12 evaluations need a
 *   huge gap and 12,000 a small one; τ² is the extra-binomial (day-to-day) variance on that scale,
 *   τ² = max(0, σ̂² − med 1/(4n)) with σ̂ the MAD of residuals of buckets with ≥ 30 trials (additive
 *   random-effects overdispersion, Spiegelhalter 2005), so a large sample is judged against the rate's real
 *   wobble, not against binomial noise alone.
 * - volume (count x): z = (2√(x+⅜) − 2√(c+⅜)) / √(1 + κ²c), Anscombe's variance-stabilised Poisson score
 *   (≈ N(0, 1) for a Poisson count, also at small counts) with negative-binomial overdispersion: the residual
 *   r has variance 1 + κ²c, so κ² = max(0, σ̂² − med 1/c) with σ̂ the MAD of r/√c (traffic's own day-to-day
 *   swings grow with the level, as a busy day is 10 % busier, not 10 messages busier).
 * - mean (value x, optional n): z = (x − c) / s, s = σ̂ · √max(1, n̄/n) with σ̂ the MAD of residuals x − c and
 *   n̄ their median n: a bucket with fewer measurements than usual is judged more leniently, never more
 *   strictly; s ≥ 1 % of |c|. Metrics marked `log` (latency in ms, cost in USD: positive, right-skewed,
 *   multiplicative noise) use ln x and ln c instead, s ≥ 0.01, so the band c·e^{±Ts} is as wide in ratio
 *   above as below.
 * A bucket below the minimum sample (anomalyThresholds.ts) is not judged. The band [low, high] is the set of
 * values whose |z| stays below `threshold`.
 *
 * References: D. J. Spiegelhalter, "Handling
 * over-dispersion of performance indicators", Quality & Safety in Health Care 14 (2005) 347–351; F. J.
 * Anscombe, "The transformation of Poisson, binomial and negative-binomial data", Biometrika 35 (1948)
 * 246–254; J. F. Lawless, "Negative binomial and mixed Poisson regression", Canadian Journal of
 * Statistics 15 (1987) 209–225; F. R. Hampel (1974) and P. J. Rousseeuw & C. Croux (1993) for the MAD.
 */
export function scoreSeries(
  grid: SeriesGrid,
  granularity: AnomalyGranularity,
  metric: AnomalyMetricDef,
  threshold: number,
): (ScoredBucket | null)[] {
  const { kind, scale } = metric;
  // Latency and cost are positive and right-skewed, their noise multiplicative: judged on the log scale.
  const level = metric.log ? (v: number) => Math.log(Math.max(v, 1e-12)) : (v: number) => v;
  const { obs, sample, length } = grid;
  const { center, baseline } = bucketCenters(grid, granularity, kind);
  const residual = new Float64Array(length).fill(Number.NaN);
  for (let i = 0; i < length; i++) {
    if (Number.isNaN(obs[i]) || Number.isNaN(center[i])) continue;
    residual[i] =
      kind === 'volume'
        ? anscombe(obs[i]) - anscombe(center[i])
        : kind === 'rate'
          ? arcsine(obs[i] * sample[i], sample[i]) - asinSqrt(center[i])
          : level(obs[i]) - level(center[i]);
  }
  const out: (ScoredBucket | null)[] = new Array(length).fill(null);
  // One spread per baseline quality and block: a baseline is judged by how well such baselines did before.
  const spreads = new Map<boolean, Spread | null>();
  let block = -1;
  for (let i = 0; i < length; i++) {
    const x = obs[i];
    const c = center[i];
    const n = sample[i];
    if (Number.isNaN(x) || Number.isNaN(c)) continue;
    const base = baseline[i] as AnomalyBaseline;
    const at = i - (i % REFRESH[granularity]);
    if (at !== block) {
      spreads.clear();
      block = at;
    }
    const trailing = base === 'trailing';
    if (!spreads.has(trailing)) spreads.set(trailing, collect(at, trailing));
    const spread = spreads.get(trailing);
    if (!spread) continue;
    const start = grid.origin + i * grid.step;
    if (kind === 'rate') {
      if (!(n >= MIN_SAMPLE.rate)) continue;
      const sd = Math.sqrt(1 / (4 * n) + spread.tau2);
      const yc = asinSqrt(c);
      out[i] = {
        start,
        value: x * scale,
        expected: c * scale,
        low: sinSq(yc - threshold * sd) * scale,
        high: sinSq(yc + threshold * sd) * scale,
        score: (arcsine(x * n, n) - yc) / sd,
        sample: n,
        baseline: base,
      };
    } else if (kind === 'volume') {
      if (Math.max(x, c) < MIN_SAMPLE.volume) continue;
      const sd = Math.sqrt(1 + spread.tau2 * c);
      const half = (threshold * sd) / 2;
      const root = Math.sqrt(c + 0.375);
      out[i] = {
        start,
        value: x,
        expected: c,
        low: Math.max(0, Math.max(0, root - half) ** 2 - 0.375),
        high: (root + half) ** 2 - 0.375,
        score: (anscombe(x) - anscombe(c)) / sd,
        sample: x,
        baseline: base,
      };
    } else {
      const hasN = !Number.isNaN(n);
      if (hasN && n < MIN_SAMPLE.mean) continue;
      const inflate = hasN && spread.typicalN > n ? Math.sqrt(spread.typicalN / n) : 1;
      const s = metric.log
        ? Math.max(spread.sigma * inflate, REL_FLOOR)
        : Math.max(spread.sigma * inflate, REL_FLOOR * Math.abs(c), 1e-12);
      out[i] = {
        start,
        value: x,
        expected: c,
        low: metric.log ? c * Math.exp(-threshold * s) : c - threshold * s,
        high: metric.log ? c * Math.exp(threshold * s) : c + threshold * s,
        score: (level(x) - level(c)) / s,
        sample: hasN ? n : null,
        baseline: base,
      };
    }
  }
  return out;

  /**
   * The spread of residuals before `at` of buckets whose baseline is of the same quality: the seasonal ones
   * (hour-of-week, day-of-week, hour-of-day and recent days of the same kind) pool their residuals; the plain
   * trailing median keeps its own, which are much wider (it ignores the rhythm), so warm-up rarely fires.
   */
  function collect(at: number, trailing: boolean): Spread | null {
    // rs: the residuals; known: the part of their variance the sampling model explains (rates, volume).
    const rs: number[] = [];
    const known: number[] = [];
    const ns: number[] = [];
    for (let j = Math.max(0, at - WINDOW[granularity]); j < at; j++) {
      if (Number.isNaN(residual[j]) || (baseline[j] === 'trailing') !== trailing) continue;
      if (kind === 'rate') {
        if (!(sample[j] >= MIN_SAMPLE.rate)) continue;
        rs.push(residual[j]);
        known.push(1 / (4 * sample[j]));
      } else if (kind === 'volume') {
        if (!(center[j] > 0) || Math.max(obs[j], center[j]) < MIN_SAMPLE.volume) continue;
        rs.push(residual[j] / Math.sqrt(center[j]));
        known.push(1 / center[j]);
      } else {
        rs.push(residual[j]);
        if (!Number.isNaN(sample[j])) ns.push(sample[j]);
      }
    }
    if (rs.length < MIN_RESIDUALS[granularity]) return null;
    if (kind !== 'mean') {
      const total = (MAD_SCALE * mad(rs)) ** 2;
      return { sigma: 0, tau2: Math.max(0, total - median(known)), typicalN: Number.NaN };
    }
    return { sigma: MAD_SCALE * mad(rs), tau2: 0, typicalN: ns.length ? median(ns) : Number.NaN };
  }
}
