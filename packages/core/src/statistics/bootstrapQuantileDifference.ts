// Owns the latency-percentile comparison: difference of quantiles with a seeded cluster bootstrap interval.

import type { Estimate } from './Estimate.ts';
import { emptyEstimate } from './emptyEstimate.ts';
import { relativeDifference } from './relativeDifference.ts';
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

/** An arm's values sorted once, each with the index of its cluster, for weighted order statistics. */
interface SortedArm {
  values: Float64Array;
  cluster: Int32Array;
  sizes: Int32Array;
}

function sortArm(clusters: readonly (readonly number[])[]): SortedArm {
  const total = clusters.reduce((s, c) => s + c.length, 0);
  const pairs: [number, number][] = new Array(total);
  let k = 0;
  clusters.forEach((c, i) => {
    for (const v of c) pairs[k++] = [v, i];
  });
  pairs.sort((x, y) => x[0] - y[0]);
  return {
    values: Float64Array.from(pairs, (p) => p[0]),
    cluster: Int32Array.from(pairs, (p) => p[1]),
    sizes: Int32Array.from(clusters, (c) => c.length),
  };
}

/**
 * The type-7 quantile of one bootstrap resample without building or sorting it: clusters are drawn with
 * replacement into multiplicities wᵢ, and the sorted values are walked (from the nearer end) accumulating wᵢ of
 * each value's cluster until the two order statistics the quantile interpolates are reached.
 */
function resampledQuantile(arm: SortedArm, q: number, next: () => number, weights: Int32Array): number {
  const k = arm.sizes.length;
  weights.fill(0);
  let length = 0;
  for (let i = 0; i < k; i++) {
    const c = Math.floor(next() * k);
    weights[c] += 1;
    length += arm.sizes[c];
  }
  const h = (length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, length - 1);
  const { values, cluster } = arm;
  let xlo = Number.NaN;
  let xhi = Number.NaN;
  let seen = 0;
  if (q <= 0.5) {
    for (let j = 0; j < values.length; j++) {
      seen += weights[cluster[j]];
      if (Number.isNaN(xlo) && seen > lo) xlo = values[j];
      if (seen > hi) {
        xhi = values[j];
        break;
      }
    }
  } else {
    // Position p from the bottom is length − 1 − p from the top.
    for (let j = values.length - 1; j >= 0; j--) {
      seen += weights[cluster[j]];
      if (Number.isNaN(xhi) && seen > length - 1 - hi) xhi = values[j];
      if (seen > length - 1 - lo) {
        xlo = values[j];
        break;
      }
    }
  }
  return xlo + (h - lo) * (xhi - xlo);
}

/**
 * Difference of a latency quantile, d = Q₁(q) − Q₀(q) (type-7 sample quantiles of the pooled values), with a
 * percentile bootstrap interval that resamples whole clusters (conversations), because the messages of one
 * conversation are not independent; pass each value as its own cluster ([[v₁], [v₂], …]) for independent data.
 *
 *   for b = 1…B: draw k₀ control and k₁ variant clusters with replacement; d*_b = Q₁*(q) − Q₀*(q)
 *   CI = [d*_(α/2), d*_(1−α/2)]  (type-7 quantiles of the d*),
 *   p = min(1, 2·min(#{d* ≤ 0}, #{d* ≥ 0}) / B)  — the smallest α whose percentile interval excludes 0.
 * The generator is seeded (seededRandom), so the interval is the same on every run. Values are sorted once; a
 * resample costs O(k) draws plus a walk over the sorted values from the nearer end (for p95 about 5% of them),
 * not a sort.
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

  const arm0 = sortArm(c);
  const arm1 = sortArm(v);
  const q0 = sampleQuantile(arm0.values, quantile);
  const q1 = sampleQuantile(arm1.values, quantile);
  const next = seededRandom(seed);
  const w0 = new Int32Array(c.length);
  const w1 = new Int32Array(v.length);
  const diffs = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++)
    diffs[b] = resampledQuantile(arm1, quantile, next, w1) - resampledQuantile(arm0, quantile, next, w0);
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
