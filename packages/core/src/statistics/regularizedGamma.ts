// Owns the regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed directly.
import { logGamma } from './logGamma.ts';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 10_000;

/**
 * P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a) for a > 0, x ≥ 0.
 * For x < a + 1 the series  γ(a,x) = e^−x x^a Σₙ xⁿ / (a(a+1)…(a+n))  gives P; otherwise Legendre's continued
 * fraction  Γ(a,x) = e^−x x^a · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …)))  (modified Lentz) gives Q.
 * The other value is 1 minus the one computed, so each tail keeps full relative precision where it is small.
 *
 * Reference: W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.2 (gser / gcf).
 */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
  if (!(a > 0) || Number.isNaN(x)) return { p: Number.NaN, q: Number.NaN };
  if (x <= 0) return { p: 0, q: 1 };
  if (x === Number.POSITIVE_INFINITY) return { p: 1, q: 0 };
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < MAX_ITER; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const p = Math.min(1, sum * Math.exp(logPrefix));
    return { p, q: 1 - p };
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const q = Math.min(1, Math.exp(logPrefix) * h);
  return { p: 1 - q, q };
}
