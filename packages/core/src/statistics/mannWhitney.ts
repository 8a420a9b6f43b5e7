// Owns the rank test for latencies: Mann–Whitney U with the normal approximation and the tie correction.
import { normal } from './normal.ts';

export interface MannWhitneyResult {
  /** U of the variant: #{(i, j): variantᵢ > controlⱼ} + ½·#{ties}. */
  u: number;
  z: number;
  p_value: number | null;
  /** U / (n₀n₁): the probability that a variant value exceeds a control value (ties half), 0.5 when alike. */
  common_language_effect: number | null;
  method: string;
}

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test of the variant against the control. With midranks Rᵢ over
 * the pooled sample (n = n₀ + n₁) and tᵢ values in each tie group:
 *   U₁ = ΣR(variant) − n₁(n₁+1)/2,  μ = n₀n₁/2,
 *   σ² = n₀n₁/12 · ((n+1) − Σ(tᵢ³ − tᵢ)/(n(n−1))),
 *   z = (|U₁ − μ| − ½)/σ  (continuity correction, as R's wilcox.test(correct = TRUE)),  p = 2·(1 − Φ(z)).
 * All values tied (σ = 0) gives p = 1; an empty side gives no p-value. It tests whether one distribution is
 * shifted against the other, not a particular percentile; the bootstrap gives the percentile's interval.
 *
 * References: H. B. Mann & D. R. Whitney, Annals of Mathematical Statistics 18 (1947) 50–60; E. L. Lehmann,
 * Nonparametrics: Statistical Methods Based on Ranks (1975), §1.4 (ties); K. O. McGraw & S. P. Wong,
 * Psychological Bulletin 111 (1992) 361–365 (common-language effect size).
 */
export function mannWhitney(control: readonly number[], variant: readonly number[]): MannWhitneyResult {
  const method = 'Mann–Whitney U: normal approximation with tie and continuity correction';
  const n0 = control.length;
  const n1 = variant.length;
  if (n0 === 0 || n1 === 0) return { u: 0, z: 0, p_value: null, common_language_effect: null, method };
  const pooled = [...control.map((v) => ({ v, g: 0 })), ...variant.map((v) => ({ v, g: 1 }))];
  if (!pooled.every((p) => Number.isFinite(p.v))) throw new RangeError('values must be finite');
  pooled.sort((a, b) => a.v - b.v);
  const n = n0 + n1;
  let rankSum1 = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && pooled[j + 1].v === pooled[i].v) j++;
    const t = j - i + 1;
    const midrank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (pooled[k].g === 1) rankSum1 += midrank;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const u = rankSum1 - (n1 * (n1 + 1)) / 2;
  const mu = (n0 * n1) / 2;
  const variance = ((n0 * n1) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const cle = u / (n0 * n1);
  if (!(variance > 0)) return { u, z: 0, p_value: 1, common_language_effect: cle, method };
  const z = Math.max(0, Math.abs(u - mu) - 0.5) / Math.sqrt(variance);
  return {
    u,
    z: Math.sign(u - mu) * z,
    p_value: Math.min(1, 2 * normal.sf(z)),
    common_language_effect: cle,
    method,
  };
}
