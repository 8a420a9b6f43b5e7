// Owns the χ² distribution's CDF and upper tail (the p-value of a goodness-of-fit statistic).
import { regularizedGamma } from './regularizedGamma.ts';

/**
 * The χ² distribution with k degrees of freedom: F(x; k) = P(k/2, x/2), the regularized lower incomplete gamma;
 * `sf` is Q(k/2, x/2) computed directly, so p-values of 1e-10 and below keep their precision.
 *
 * Reference: M. Abramowitz & I. Stegun, Handbook of Mathematical Functions (1964), 26.4.19;
 * W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.14.
 */
export const chiSquare = {
  cdf(x: number, k: number): number {
    return regularizedGamma(k / 2, x / 2).p;
  },
  sf(x: number, k: number): number {
    return regularizedGamma(k / 2, x / 2).q;
  },
};
