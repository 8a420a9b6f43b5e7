// Owns McNemar's exact test of paired binary outcomes (the binomial test on the discordant pairs).
import { logGamma } from './logGamma.ts';

/**
 * Two-sided exact McNemar p-value for paired outcomes with b pairs passing only on the control side and c only
 * on the treatment side: under H₀ each discordant pair goes either way with probability ½, so
 *   p = min(1, 2·P(X ≤ min(b, c))),  X ~ Binomial(b + c, ½).
 * No discordant pairs gives p = 1. The sum runs in log space (log C(n, k) − n·log 2) from the largest term,
 * so large n neither overflows nor underflows to a wrong 0 before the tail is negligible.
 * Reference: Q. McNemar, Psychometrika 12 (1947) 153–157; A. Agresti, Categorical Data Analysis, 3rd ed., §11.1.
 */
export function mcnemarExact(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0)
    throw new RangeError('discordant counts must be non-negative integers');
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const logNFact = logGamma(n + 1);
  const ln2n = n * Math.LN2;
  let total = 0;
  // Terms grow with i up to n/2 ≥ k: add from k downward, stopping once they no longer change the sum.
  for (let i = k; i >= 0; i--) {
    const term = Math.exp(logNFact - logGamma(i + 1) - logGamma(n - i + 1) - ln2n);
    total += term;
    if (term < total * 1e-17) break;
  }
  return Math.min(1, 2 * total);
}
