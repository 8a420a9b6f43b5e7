// Owns the Benjamini–Hochberg adjustment of a family of p-values (false-discovery-rate control).

/**
 * Benjamini–Hochberg adjusted p-values (q-values) for m hypotheses: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 *   p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎ / j).
 * Rejecting where p̃ ≤ α keeps the expected share of false discoveries ≤ α for independent or positively
 * dependent tests. Nulls keep their place and do not count in m. Same as R's p.adjust(p, "BH").
 *
 * Reference: Y. Benjamini & Y. Hochberg, "Controlling the false discovery rate: a practical and powerful approach
 * to multiple testing", JRSS B 57 (1995) 289–300.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const idx = pValues.flatMap((p, i) => (p === null ? [] : [i])).sort((a, b) => pValues[a]! - pValues[b]!);
  const m = idx.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = idx[rank];
    running = Math.min(running, (m * pValues[i]!) / (rank + 1));
    out[i] = running;
  }
  return out;
}
