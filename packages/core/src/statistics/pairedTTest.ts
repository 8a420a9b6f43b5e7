// Owns the paired t-test: the mean of per-item differences, its t interval and two-sided p-value.
import { meanInterval, type SampleSums } from './meanInterval.ts';
import { studentT } from './studentT.ts';

export interface PairedTest {
  /** Pairs (items both sides scored). */
  n: number;
  /** Mean of (treatment − control) over the pairs. */
  mean_difference: number | null;
  ci: [number, number] | null;
  p_value: number | null;
}

/**
 * Paired t-test on differences dᵢ given by their sums: t = d̄ / (s_d/√n), ν = n − 1, p = 2·P(T_ν > |t|).
 * With all differences equal (s_d = 0) the p-value is 1 when d̄ = 0 and 0 otherwise (no sampling variation
 * left); below two pairs there is no interval or p-value.
 */
export function pairedTTest(differences: SampleSums, alpha = 0.05): PairedTest {
  const { n } = differences;
  const m = meanInterval(differences, alpha);
  if (m.mean === null || m.sd === null) return { n, mean_difference: m.mean, ci: null, p_value: null };
  if (m.sd === 0) return { n, mean_difference: m.mean, ci: m.ci, p_value: m.mean === 0 ? 1 : 0 };
  const t = m.mean / (m.sd / Math.sqrt(n));
  return { n, mean_difference: m.mean, ci: m.ci, p_value: Math.min(1, 2 * studentT.sf(Math.abs(t), n - 1)) };
}
