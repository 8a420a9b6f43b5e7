// Owns the one-pass summary (n, mean, unbiased variance) that the mean comparisons take.
import type { MeanSample } from './welchTTest.ts';

/**
 * n, mean and s² = Σ(x−x̄)²/(n−1) by Welford's update (x̄ₖ = x̄ₖ₋₁ + (x−x̄ₖ₋₁)/k, M₂ += (x−x̄ₖ₋₁)(x−x̄ₖ)), which
 * does not cancel the way Σx² − n·x̄² does on large values. Variance is 0 below two values.
 *
 * Reference: B. P. Welford, "Note on a method for calculating corrected sums of squares and products",
 * Technometrics 4 (1962) 419–420.
 */
export function summarizeSample(values: Iterable<number>): MeanSample {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of values) {
    n += 1;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return { n, mean, variance: n > 1 ? m2 / (n - 1) : 0 };
}
