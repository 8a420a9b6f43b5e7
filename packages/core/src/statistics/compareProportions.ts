// Owns the two-sample comparison of proportions: Newcombe (or Wald) interval of the difference, pooled z-test.

import type { Estimate } from './Estimate.ts';
import { emptyEstimate } from './emptyEstimate.ts';
import { normal } from './normal.ts';
import { relativeDifference } from './relativeDifference.ts';
import { wilsonBounds as wilson } from './wilsonInterval.ts';

export interface ProportionSample {
  /** Units (conversations or users) where the event happened. */
  successes: number;
  /** Units observed. */
  trials: number;
}

export interface ProportionOptions {
  /** 1 − confidence level; 0.05 unless given. */
  alpha?: number;
  /** 'newcombe' (default): hybrid score interval; 'wald': p̂ ± z·SE, which collapses at 0 and 1. */
  interval?: 'newcombe' | 'wald';
}

function check(s: ProportionSample, side: string): void {
  const { successes, trials } = s;
  if (
    !Number.isInteger(trials) ||
    trials < 0 ||
    !Number.isInteger(successes) ||
    successes < 0 ||
    successes > trials
  )
    throw new RangeError(`${side}: successes and trials must be integers with 0 ≤ successes ≤ trials`);
}

/**
 * Difference of two independent proportions d = p₁ − p₀ (p = successes / trials, 1 = variant, 0 = control).
 *
 * - Interval (default, Newcombe's hybrid score, "method 10"): with Wilson intervals (lᵢ, uᵢ),
 *     lᵢ, uᵢ = (pᵢ + z²/2nᵢ ∓ z·√(pᵢ(1−pᵢ)/nᵢ + z²/4nᵢ²)) / (1 + z²/nᵢ),
 *     L = d − √((p₁−l₁)² + (u₀−p₀)²),  U = d + √((u₁−p₁)² + (p₀−l₀)²).
 *   It stays inside [−1, 1] and keeps its width at 0 or all successes and at n = 1, where Wald's
 *   d ± z·√(p₁q₁/n₁ + p₀q₀/n₀) collapses to a point.
 * - p-value: pooled two-sided z-test, z = d / √(p̄(1−p̄)(1/n₁ + 1/n₀)), p̄ = (x₁+x₀)/(n₁+n₀); p = 2·(1 − Φ(|z|)).
 *   With p̄ ∈ {0, 1} both samples are identical and p = 1.
 * - standard_error: Agresti–Caffo's √(p̃₁q̃₁/(n₁+2) + p̃₀q̃₀/(n₀+2)), p̃ = (x+1)/(n+2), which is never 0, so
 *   the always-valid interval and power never divide by a zero variance on all-or-nothing samples.
 * An empty side (0 trials) gives no numbers.
 *
 * References: R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890; E. B. Wilson, JASA 22 (1927) 209–212;
 * A. Agresti & B. Caffo, The American Statistician 54 (2000) 280–288; J. L. Fleiss, B. Levin & M. C. Paik,
 * Statistical Methods for Rates and Proportions, 3rd ed. (2003), §3.2.
 */
export function compareProportions(
  control: ProportionSample,
  variant: ProportionSample,
  options: ProportionOptions = {},
): Estimate {
  check(control, 'control');
  check(variant, 'variant');
  const alpha = options.alpha ?? 0.05;
  const interval = options.interval ?? 'newcombe';
  const method =
    interval === 'newcombe'
      ? 'difference of proportions: Newcombe hybrid score interval, pooled two-sided z-test'
      : 'difference of proportions: Wald interval, pooled two-sided z-test';
  const n0 = control.trials;
  const n1 = variant.trials;
  if (n0 === 0 || n1 === 0) return emptyEstimate(n0, n1, method);
  const x0 = control.successes;
  const x1 = variant.successes;
  const p0 = x0 / n0;
  const p1 = x1 / n1;
  const d = p1 - p0;
  const z = normal.quantile(1 - alpha / 2);

  let ci: [number, number];
  if (interval === 'newcombe') {
    const [l0, u0] = wilson(x0, n0, z);
    const [l1, u1] = wilson(x1, n1, z);
    ci = [d - Math.hypot(p1 - l1, u0 - p0), d + Math.hypot(u1 - p1, p0 - l0)];
  } else {
    const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
    ci = [d - half, d + half];
  }

  const pooled = (x0 + x1) / (n0 + n1);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
  const pValue = pooledSe === 0 ? 1 : Math.min(1, 2 * normal.sf(Math.abs(d) / pooledSe));

  const a0 = (x0 + 1) / (n0 + 2);
  const a1 = (x1 + 1) / (n1 + 2);
  const standardError = Math.sqrt((a0 * (1 - a0)) / (n0 + 2) + (a1 * (1 - a1)) / (n1 + 2));

  return {
    control_value: p0,
    value: p1,
    difference: d,
    relative_difference: relativeDifference(p0, p1),
    ci,
    p_value: pValue,
    standard_error: standardError,
    control_n: n0,
    variant_n: n1,
    method,
  };
}
