// Owns the standard normal distribution: CDF, upper tail and quantile, accurate far into the tails.
import { regularizedGamma } from './regularizedGamma.ts';

// Wichura's AS 241 (PPND16) rational approximations, good to about 1e-16.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

const poly = (c: readonly number[], x: number) => c.reduceRight((acc, k) => acc * x + k, 0);
const pdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** P(Z > z) for z ≥ 0: ½·erfc(z/√2) = ½·Q(½, z²/2). */
function upperTail(z: number): number {
  return 0.5 * regularizedGamma(0.5, 0.5 * z * z).q;
}

/**
 * The standard normal distribution N(0, 1).
 * - `cdf(z)` = Φ(z) = ½·erfc(−z/√2), with erfc(u) = Q(½, u²) (the regularized upper incomplete gamma), so
 *   Φ(−8) ≈ 6.2e-16 keeps its relative precision instead of cancelling to 0.
 * - `sf(z)` = 1 − Φ(z) computed as Φ(−z), for upper-tail p-values.
 * - `quantile(p)` = Φ⁻¹(p) by Wichura's AS 241 (three rational approximations in p−½ and √−ln min(p, 1−p)),
 *   polished by one Halley step on the CDF above.
 *
 * References: M. Abramowitz & I. Stegun, Handbook of Mathematical Functions (1964), 7.1.2 and 26.2.29;
 * M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37
 * (1988) 477–484.
 */
export const normal = {
  cdf(z: number): number {
    if (Number.isNaN(z)) return Number.NaN;
    return z >= 0 ? 1 - upperTail(z) : upperTail(-z);
  },
  sf(z: number): number {
    if (Number.isNaN(z)) return Number.NaN;
    return z >= 0 ? upperTail(z) : 1 - upperTail(-z);
  },
  quantile(p: number): number {
    if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    const q = p - 0.5;
    let z: number;
    if (Math.abs(q) <= 0.425) {
      const r = 0.180625 - q * q;
      z = (q * poly(A, r)) / poly(B, r);
    } else {
      let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
      if (r <= 5) {
        r -= 1.6;
        z = poly(C, r) / poly(D, r);
      } else {
        r -= 5;
        z = poly(E, r) / poly(F, r);
      }
      if (q < 0) z = -z;
    }
    // Halley step: the error of the lower tail is measured where it is small, so far tails stay relative.
    const err = z < 0 ? normal.cdf(z) - p : 1 - p - normal.sf(z);
    const u = err / pdf(z);
    return z - u / (1 + 0.5 * z * u);
  },
};
