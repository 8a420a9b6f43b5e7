// Owns the sample median (plain and weighted) the robust baselines are built on.

/**
 * The median of `values` (NaN when empty): the middle order statistic, or the mean of the two middle ones.
 * The input is not modified.
 *
 * Reference: F. R. Hampel et al., Robust Statistics: The Approach Based on Influence Functions (1986), §2.3
 * (breakdown point ½).
 */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = Float64Array.from(values).sort();
  const h = n >> 1;
  return n % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}
