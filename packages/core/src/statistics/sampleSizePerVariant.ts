// Owns the fixed-horizon sample size: units per variant needed to detect the minimum effect.
import { normal } from './normal.ts';

export type SampleSizeInput =
  /** A proportion metric: control rate and the smallest absolute change worth detecting (0.05 = five points). */
  | { kind: 'proportion'; baseline: number; minEffect: number }
  /**
   * A mean or ratio metric: the per-unit standard deviation and the smallest absolute change. For a ratio metric
   * pass √k·SE of its delta-method estimate (k units), the per-unit deviation of the linearized metric.
   */
  | { kind: 'mean'; sd: number; minEffect: number };

/**
 * Units per variant for a two-sided test at level α with power 1 − β (0.05 and 0.8 unless given), two equal arms,
 * normal approximation; rounded up:
 * - proportion (p₀ = baseline, p₁ = p₀ ± δ, the sign that stays in [0, 1], p̄ = (p₀+p₁)/2):
 *     n = (z_{1−α/2}·√(2p̄(1−p̄)) + z_{1−β}·√(p₀(1−p₀) + p₁(1−p₁)))² / δ²
 *   (the formula behind R's power.prop.test, without continuity correction);
 * - mean: n = 2·(z_{1−α/2} + z_{1−β})²·σ² / δ².
 * Null when the effect is 0 or cannot be reached (p₀ ± δ outside [0, 1] both ways).
 *
 * References: J. L. Fleiss, B. Levin & M. C. Paik, Statistical Methods for Rates and Proportions, 3rd ed. (2003),
 * eq. 4.14; J. Cohen, Statistical Power Analysis for the Behavioral Sciences, 2nd ed. (1988), ch. 2 and 6;
 * R. Kohavi, D. Tang & Y. Xu, Trustworthy Online Controlled Experiments (2020), ch. 17.
 */
export function sampleSizePerVariant(
  input: SampleSizeInput,
  options: { alpha?: number; power?: number } = {},
): number | null {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1))
    throw new RangeError('alpha and power lie in (0, 1)');
  const za = normal.quantile(1 - alpha / 2);
  const zb = normal.quantile(power);
  const delta = Math.abs(input.minEffect);
  if (!(delta > 0) || !Number.isFinite(delta)) return null;
  if (input.kind === 'mean') {
    if (!(input.sd >= 0) || !Number.isFinite(input.sd)) throw new RangeError('sd must be finite and ≥ 0');
    return Math.max(2, Math.ceil((2 * (za + zb) ** 2 * input.sd ** 2) / delta ** 2));
  }
  const p0 = input.baseline;
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError('baseline must lie in [0, 1]');
  const p1 = p0 + delta <= 1 ? p0 + delta : p0 - delta;
  if (p1 < 0) return null;
  const pbar = (p0 + p1) / 2;
  const root = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
  return Math.ceil(root ** 2 / delta ** 2);
}
