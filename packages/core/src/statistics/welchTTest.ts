// Owns the two-sample comparison of means with unequal variances (Welch's t-test and interval).

import type { Estimate } from './Estimate.ts';
import { emptyEstimate } from './emptyEstimate.ts';
import { relativeDifference } from './relativeDifference.ts';
import { studentT } from './studentT.ts';

/** A sample summarized as count, mean and unbiased variance (Σ(x−x̄)²/(n−1)); see summarizeSample. */
export interface MeanSample {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Difference of means d = x̄₁ − x̄₀ with Welch's unequal-variance t:
 *   SE² = s₁²/n₁ + s₀²/n₀,  t = d / SE,
 *   ν = SE⁴ / ((s₁²/n₁)²/(n₁−1) + (s₀²/n₀)²/(n₀−1))   (Welch–Satterthwaite),
 *   CI = d ± t_{1−α/2, ν}·SE,  p = 2·P(T_ν > |t|).
 * Needs n ≥ 2 on both sides (a variance); with both variances 0 the difference is exact: CI [d, d] and p = 1 when
 * d = 0, else 0. The method string carries ν.
 *
 * References: B. L. Welch, "The generalization of 'Student's' problem when several different population variances
 * are involved", Biometrika 34 (1947) 28–35; F. E. Satterthwaite, Biometrics Bulletin 2 (1946) 110–114.
 */
export function welchTTest(
  control: MeanSample,
  variant: MeanSample,
  options: { alpha?: number } = {},
): Estimate {
  for (const [s, side] of [
    [control, 'control'],
    [variant, 'variant'],
  ] as const) {
    if (!Number.isInteger(s.n) || s.n < 0 || !Number.isFinite(s.mean) || !(s.variance >= 0))
      throw new RangeError(`${side}: n must be a non-negative integer, mean finite and variance ≥ 0`);
  }
  const alpha = options.alpha ?? 0.05;
  const base = "difference of means: Welch's t-test";
  if (control.n < 2 || variant.n < 2) return emptyEstimate(control.n, variant.n, base);
  const d = variant.mean - control.mean;
  const v1 = variant.variance / variant.n;
  const v0 = control.variance / control.n;
  const se = Math.sqrt(v1 + v0);
  const common = {
    control_value: control.mean,
    value: variant.mean,
    difference: d,
    relative_difference: relativeDifference(control.mean, variant.mean),
    standard_error: se,
    control_n: control.n,
    variant_n: variant.n,
  };
  if (se === 0) return { ...common, ci: [d, d], p_value: d === 0 ? 1 : 0, method: `${base} (no variance)` };
  const df = (v1 + v0) ** 2 / (v1 ** 2 / (variant.n - 1) + v0 ** 2 / (control.n - 1));
  const half = studentT.quantile(1 - alpha / 2, df) * se;
  return {
    ...common,
    ci: [d - half, d + half],
    p_value: Math.min(1, 2 * studentT.sf(Math.abs(d) / se, df)),
    method: `${base} (Welch–Satterthwaite df = ${df.toFixed(1)})`,
  };
}
