// Owns the sample quantile definition the latency comparisons use.

/**
 * The q-quantile of ascending-sorted values by linear interpolation between order statistics (Hyndman & Fan
 * type 7, the default of R and NumPy, and what PostgreSQL's percentile_cont computes):
 *   h = (n−1)·q,  Q(q) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (0-based order statistics).
 * NaN for an empty sample.
 *
 * Reference: R. J. Hyndman & Y. Fan, "Sample quantiles in statistical packages", The American Statistician 50
 * (1996) 361–365.
 */
export function sampleQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
