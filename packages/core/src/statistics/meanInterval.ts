// Owns the t interval of a mean from its sufficient statistics (count, sum, sum of squares).
import { studentT } from './studentT.ts';

/** Count, Σx and Σx² of a sample: what SQL aggregates, and what pooled groups add up. */
export interface SampleSums {
  n: number;
  sum: number;
  sumSquares: number;
}

export interface MeanInterval {
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null below two values. */
  sd: number | null;
  /** mean ± t(1−α/2, n−1)·sd/√n; null below two values. */
  ci: [number, number] | null;
}

/**
 * Sample variance from sums. Σx² − (Σx)²/n cancels: for a constant sample it leaves rounding noise of about
 * n·ε·Σx², which is taken as the 0 it stands for (a paired test of identical differences must not find them
 * "significant" on noise).
 */
export function sampleVariance(s: SampleSums): number | null {
  if (s.n < 2) return null;
  const centred = s.sumSquares - (s.sum * s.sum) / s.n;
  return centred <= 4 * s.n * Number.EPSILON * s.sumSquares ? 0 : centred / (s.n - 1);
}

/**
 * The mean of a sample and its Student t interval at confidence 1 − α (0.05 unless given):
 *   x̄ ± t_{1−α/2, n−1} · s/√n,  s² = (Σx² − (Σx)²/n)/(n − 1).
 */
export function meanInterval(s: SampleSums, alpha = 0.05): MeanInterval {
  if (s.n === 0) return { mean: null, sd: null, ci: null };
  const mean = s.sum / s.n;
  const variance = sampleVariance(s);
  if (variance === null) return { mean, sd: null, ci: null };
  const sd = Math.sqrt(variance);
  const half = studentT.quantile(1 - alpha / 2, s.n - 1) * (sd / Math.sqrt(s.n));
  return { mean, sd, ci: [mean - half, mean + half] };
}
