// Owns the latency-percentile comparison: difference of quantiles with a seeded cluster bootstrap interval.
import { type Estimate, emptyEstimate, relativeDifference } from './Estimate.ts';
import { sampleQuantile } from './sampleQuantile.ts';
import { seededRandom } from './seededRandom.ts';

export interface BootstrapOptions {
  /** Which quantile: 0.5 for the median, 0.95 for p95. */
  quantile: number;
  /** Resamples; 2,000 unless given (Efron & Tibshirani recommend ≥ 1,000 for percentile intervals). */
  resamples?: number;
  /** Seed of the generator, so one data set always yields one interval. 1 unless given. */
  seed?: number;
  alpha?: number;
}

function pooledQuantile(clusters: readonly (readonly number[])[], q: number): number {
  const values = Float64Array.from(clusters.flat());
  values.sort();
  return sampleQuantile(values, q);
}

/** The quantile of one bootstrap resample: clusters drawn with replacement, their values pooled. */
function resampledQuantile(
  clusters: readonly (readonly number[])[],
  q: number,
  next: () => number,
  buffer: Float64Array,
): number {
  let len = 0;
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[Math.floor(next() * clusters.length)];
    for (let j = 0; j < c.length; j++) {
      if (len === buffer.length) return Number.NaN;
      buffer[len++] = c[j];
    }
  }
  const view = buffer.subarray(0, len);
  view.sort();
  return sampleQuantile(view, q);
}

/**
 * Difference of a latency quantile, d = Q₁(q) − Q₀(q) (type-7 sample quantiles of the pooled values), with a
 * percentile bootstrap interval that resamples whole clusters (conversations), because the messages of one
 * conversation are not independent; pass each value as its own cluster ([[v₁], [v₂], …]) for independent data.
 *
 *   for b = 1…B: draw k₀ control and k₁ variant clusters with replacement; d*_b = Q₁*(q) − Q₀*(q)
 *   CI = [d*_(α/2), d*_(1−α/2)]  (type-7 quantiles of the d*),
 *   p = min(1, 2·min(#{d* ≤ 0}, #{d* ≥ 0}) / B)  — the smallest α whose percentile interval excludes 0.
 * The generator is seeded (seededRandom), so the interval is the same on every run. Cost is B·n·log n; callers
 * with millions of values bootstrap a sample of clusters. A resample that would exceed 4× the arm's values
 * (very unequal cluster sizes) is redrawn.
 *
 * References: B. Efron & R. J. Tibshirani, An Introduction to the Bootstrap (1993), ch. 13 (percentile interval)
 * and ch. 15–16 (bootstrap tests); A. C. Davison & D. V. Hinkley, Bootstrap Methods and their Application
 * (1997), §3.8 (resampling clusters).
 */
export function bootstrapQuantileDifference(
  control: readonly (readonly number[])[],
  variant: readonly (readonly number[])[],
  options: BootstrapOptions,
): Estimate {
  const { quantile } = options;
  if (!(quantile >= 0 && quantile <= 1)) throw new RangeError('quantile must lie in [0, 1]');
  const resamples = options.resamples ?? 2000;
  const seed = options.seed ?? 1;
  const alpha = options.alpha ?? 0.05;
  const label = quantile === 0.5 ? 'median' : `p${Math.round(quantile * 100)}`;
  const method = `difference of ${label}: percentile bootstrap over conversations (${resamples} resamples, seed ${seed})`;
  const c = control.filter((cl) => cl.length > 0);
  const v = variant.filter((cl) => cl.length > 0);
  if (c.length < 2 || v.length < 2) return emptyEstimate(c.length, v.length, method);
  for (const cl of [...c, ...v])
    if (!cl.every(Number.isFinite)) throw new RangeError('values must be finite');

  const q0 = pooledQuantile(c, quantile);
  const q1 = pooledQuantile(v, quantile);
  const next = seededRandom(seed);
  const buf0 = new Float64Array(4 * c.reduce((s, cl) => s + cl.length, 0));
  const buf1 = new Float64Array(4 * v.reduce((s, cl) => s + cl.length, 0));
  const diffs = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let d = Number.NaN;
    while (Number.isNaN(d))
      d = resampledQuantile(v, quantile, next, buf1) - resampledQuantile(c, quantile, next, buf0);
    diffs[b] = d;
  }
  diffs.sort();
  let below = 0;
  let above = 0;
  for (const d of diffs) {
    if (d <= 0) below++;
    if (d >= 0) above++;
  }
  return {
    control_value: q0,
    value: q1,
    difference: q1 - q0,
    relative_difference: relativeDifference(q0, q1),
    ci: [sampleQuantile(diffs, alpha / 2), sampleQuantile(diffs, 1 - alpha / 2)],
    p_value: Math.min(1, (2 * Math.min(below, above)) / resamples),
    standard_error: standardDeviation(diffs),
    control_n: c.length,
    variant_n: v.length,
    method,
  };
}

function standardDeviation(xs: Float64Array): number {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}
