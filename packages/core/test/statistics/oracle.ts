// Owns the independent implementation the statistics tests compare against: stdlib's distributions.
import gammainc from '@stdlib/math-base-special-gammainc';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normCdf from '@stdlib/stats-base-dists-normal-cdf';
import normQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** stdlib (ports of Cephes/Boost algorithms, maintained), with upper tails taken where stdlib computes them directly. */
export const oracle = {
  normalCdf: (z: number) => normCdf(z, 0, 1),
  normalSf: (z: number) => normCdf(-z, 0, 1),
  normalQuantile: (p: number) => normQuantile(p, 0, 1),
  tCdf: (t: number, df: number) => tCdf(t, df),
  tSf: (t: number, df: number) => tCdf(-t, df),
  tQuantile: (p: number, df: number) => tQuantile(p, df),
  chiSquareCdf: (x: number, k: number) => chisqCdf(x, k),
  chiSquareSf: (x: number, k: number) => gammainc(x / 2, k / 2, true, true),
};

/** |actual − expected| ≤ rel·|expected| (+ a tiny absolute floor for values that are 0). */
export function assertClose(actual: number, expected: number, rel: number, label: string): void {
  const err = Math.abs(actual - expected);
  if (!(err <= rel * Math.abs(expected) + 1e-300))
    throw new Error(
      `${label}: got ${actual}, expected ${expected} (relative error ${err / Math.abs(expected)})`,
    );
}
