// Owns the regularized incomplete beta function I_x(a, b), the tail of Student's t.
import { logBeta } from './logBeta.ts';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 10_000;

/** Continued fraction for I_x(a,b) (Numerical Recipes betacf), modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0 and 0 ≤ x ≤ 1, by the continued fraction
 *   I_x(a,b) = x^a (1−x)^b / (a B(a,b)) · 1/(1+ d₁/(1+ d₂/(1+ …))),
 *   d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),  d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)),
 * evaluated directly when x < (a+1)/(a+b+2) and through I_x(a,b) = 1 − I_{1−x}(b,a) otherwise, so a small result
 * is never the difference of two numbers near 1. `complement` is 1 − x when the caller knows it more precisely
 * than the subtraction would give it (x = ν/(ν+t²) near 1 at large ν).
 *
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.4; M. Abramowitz & I. Stegun, Handbook of
 * Mathematical Functions (1964), 26.5.8.
 */
export function regularizedBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // ln x and ln(1−x) each from the smaller of the two, where log1p keeps its digits.
  const logX = complement < 0.5 ? Math.log1p(-complement) : Math.log(x);
  const logY = x < 0.5 ? Math.log1p(-x) : Math.log(complement);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(complement, b, a)) / b;
}
