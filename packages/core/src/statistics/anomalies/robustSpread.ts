// Owns the robust centre and spread of a sample: median and median absolute deviation.
import { median } from './median.ts';

/** 1/Φ⁻¹(¾): makes the MAD a consistent estimator of σ for normal data. */
export const MAD_SCALE = 1.4826;

/**
 * Median m = med(xᵢ), MAD = med(|xᵢ − m|), and sigma = 1.4826 · MAD (≈ σ for a normal sample; unlike the
 * standard deviation it ignores up to half the points being outliers, e.g. last week's incident).
 * NaN fields when the sample is empty.
 *
 * References: F. R. Hampel, "The influence curve and its role in robust estimation", JASA 69 (1974) 383–393;
 * P. J. Rousseeuw & C. Croux, "Alternatives to the median absolute deviation", JASA 88 (1993) 1273–1283.
 */
export function robustSpread(values: readonly number[]): { median: number; mad: number; sigma: number } {
  const m = median(values);
  const mad = median(values.map((x) => Math.abs(x - m)));
  return { median: m, mad, sigma: MAD_SCALE * mad };
}
