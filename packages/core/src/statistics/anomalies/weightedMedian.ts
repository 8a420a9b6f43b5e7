// Owns the weighted median that centres rate baselines (each bucket's proportion weighted by its trials).

/**
 * The weighted median of values xᵢ with weights wᵢ > 0: sorted ascending, the smallest x₍k₎ whose cumulative
 * weight Σ_{j≤k} w₍j₎ reaches W/2 (W = Σwᵢ); when it equals W/2 exactly, the mean of x₍k₎ and x₍k+1₎, so equal
 * weights give the ordinary median. NaN when no weight is positive. Weighting by trials keeps a 2-evaluation
 * night bucket from counting as much as a 2,000-evaluation day, while staying robust to one bad week.
 *
 * Reference: F. Y. Edgeworth (1888), in S. M. Stigler, "Studies in the history of probability and statistics
 * XXXII", Biometrika 60 (1973) 439–445; the "lower weighted median" convention of Cormen et al.,
 * Introduction to Algorithms, 3rd ed., problem 9-2.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const idx = values.map((_, i) => i).filter((i) => weights[i] > 0);
  if (idx.length === 0) return Number.NaN;
  idx.sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (const i of idx) total += weights[i];
  const half = total / 2;
  let cum = 0;
  for (let k = 0; k < idx.length; k++) {
    cum += weights[idx[k]];
    // A relative tolerance keeps W/2 ties exact despite floating-point sums.
    if (Math.abs(cum - half) <= 1e-12 * total && k + 1 < idx.length)
      return (values[idx[k]] + values[idx[k + 1]]) / 2;
    if (cum > half) return values[idx[k]];
  }
  return values[idx[idx.length - 1]];
}
