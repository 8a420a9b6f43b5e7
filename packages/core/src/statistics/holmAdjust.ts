// Owns Holm's step-down adjustment of a family of p-values (family-wise error control).

/**
 * Holm–Bonferroni adjusted p-values for m hypotheses: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 *   p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎).
 * Rejecting where p̃ ≤ α keeps the family-wise error rate ≤ α under any dependence between the tests. Nulls (no
 * test possible) keep their place, stay null and do not count in m. Same as R's p.adjust(p, "holm").
 *
 * Reference: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian Journal of
 * Statistics 6 (1979) 65–70.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const idx = pValues.flatMap((p, i) => (p === null ? [] : [i])).sort((a, b) => pValues[a]! - pValues[b]!);
  const m = idx.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 0;
  idx.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]!));
    out[i] = running;
  });
  return out;
}
