// Owns ln B(a, b), accurate also when one parameter is large (Student t at large df).
import { logGamma } from './logGamma.ts';

/** Stirling series remainder of ln Γ(x) for x ≥ 100: 1/(12x) − 1/(360x³) + 1/(1260x⁵). */
function stirlingRemainder(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b). When the larger parameter is ≥ 100 (Student t at large df), ln Γ(a) and ln Γ(a+b) are huge and
 * nearly equal, so their difference is taken from Stirling's series without cancelling:
 *   ln Γ(a+b) − ln Γ(a) = (a−½)·ln(1 + b/a) + b·ln(a+b) − b + r(a+b) − r(a).
 *
 * Reference: M. Abramowitz & I. Stegun, Handbook of Mathematical Functions (1964), 6.1.40–6.1.41 and 6.2.2.
 */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 100) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const s = big + small;
  const diff = (big - 0.5) * Math.log1p(small / big) + small * Math.log(s) - small;
  return logGamma(small) - diff - stirlingRemainder(s) + stirlingRemainder(big);
}
