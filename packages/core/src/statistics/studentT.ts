// Owns Student's t distribution: CDF, upper tail and quantile for any df > 0 (df = ∞ is the normal).
import { logBeta } from './logBeta.ts';
import { normal } from './normal.ts';
import { regularizedBeta } from './regularizedBeta.ts';

/** P(T > t) for t ≥ 0: ½·I_{ν/(ν+t²)}(ν/2, ½). */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

function pdf(t: number, df: number): number {
  // Γ((ν+1)/2) / (Γ(ν/2)·√(νπ)) = 1 / (√ν·B(ν/2, ½)).
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The t with P(T > t) = tail (0 < tail < ½): Newton from the normal quantile, which lies below it. */
function upperQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  // The tail is convex and decreasing on t > 0 and the t quantile exceeds the normal one, so Newton steps taken
  // from the normal quantile rise monotonically to the root.
  let t = -normal.quantile(tail);
  for (let i = 0; i < 500; i++) {
    const step = (upperTail(t, df) - tail) / pdf(t, df);
    t += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(t))) break;
  }
  return t;
}

/**
 * Student's t distribution with ν = `df` degrees of freedom.
 * - `cdf(t, ν)`: with x = ν/(ν+t²), P(T > |t|) = ½·I_x(ν/2, ½) (regularized incomplete beta), so the CDF is that
 *   tail for t < 0 and one minus it for t ≥ 0; `sf` is the upper tail computed directly (no cancellation).
 * - `quantile(p, ν)`: closed forms for ν = 1 (tan(π(p−½)) = 1/tan(π·tail), so tiny tails keep their precision) and ν = 2 ((2p−1)/√(2p(1−p))), otherwise Newton's
 *   method on the tail, started from Φ⁻¹(p).
 * ν = ∞ gives the standard normal.
 *
 * References: M. Abramowitz & I. Stegun, Handbook of Mathematical Functions (1964), 26.7.1 and 26.5.27;
 * W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.14.
 */
export const studentT = {
  cdf(t: number, df: number): number {
    if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
    if (df === Number.POSITIVE_INFINITY) return normal.cdf(t);
    return t < 0 ? upperTail(-t, df) : 1 - upperTail(t, df);
  },
  sf(t: number, df: number): number {
    if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
    if (df === Number.POSITIVE_INFINITY) return normal.sf(t);
    return t >= 0 ? upperTail(t, df) : 1 - upperTail(-t, df);
  },
  quantile(p: number, df: number): number {
    if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
    if (df === Number.POSITIVE_INFINITY) return normal.quantile(p);
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    if (p === 0.5) return 0;
    return p < 0.5 ? -upperQuantile(p, df) : upperQuantile(1 - p, df);
  },
};
