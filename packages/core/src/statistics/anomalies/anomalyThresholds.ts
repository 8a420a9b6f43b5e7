// Owns the numbers of anomaly detection: score thresholds per sensitivity, minimum samples, severity bands.
import type { AnomalySensitivity, AnomalySeverity } from '../../wire/anomalies.ts';

/**
 * |score| a bucket must reach to be anomalous. Scores are z-scores (≈ N(0, 1) on normal buckets), so the
 * one-sided chance of a normal bucket crossing is Φ(−z): 1.3e-3 at high (≈ one false bucket per month of
 * hourly data), 3.2e-5 at medium (≈ one per 3 years of hourly data, per metric and slice), 2.9e-7 at low.
 */
export const SENSITIVITY_THRESHOLDS: Readonly<Record<AnomalySensitivity, number>> = {
  high: 3,
  medium: 4,
  low: 5,
};

/**
 * Minimum sample before a bucket is judged at all, the same at every sensitivity (so high ⊇ medium ⊇ low):
 * - rates: 30 trials — below that a binomial proportion's normal score is unreliable and one evaluation moves
 *   the rate by more than 3 points;
 * - means: 10 measurements when the bucket carries `n` (a p95 of 3 latencies is noise);
 * - volume: an observed or expected count of 10 — below that a drop to zero is not evidence of an outage.
 */
export const MIN_SAMPLE = { rate: 30, mean: 10, volume: 10 } as const;

/** Severity from the peak's |score|, independent of the sensitivity the scan ran at. */
export function severityOf(score: number): AnomalySeverity {
  const a = Math.abs(score);
  if (a >= 10) return 'critical';
  if (a >= 6) return 'high';
  if (a >= 4) return 'medium';
  return 'low';
}

/** The least sensitive setting whose threshold |score| crosses (null: none, not even high). */
export function leastSensitivity(score: number): AnomalySensitivity | null {
  const a = Math.abs(score);
  if (a >= SENSITIVITY_THRESHOLDS.low) return 'low';
  if (a >= SENSITIVITY_THRESHOLDS.medium) return 'medium';
  if (a >= SENSITIVITY_THRESHOLDS.high) return 'high';
  return null;
}
