// Owns the verdict a comparison shows: better, worse, no detectable difference, or not enough data.

export type Verdict = 'better' | 'worse' | 'no_difference' | 'insufficient_data';

/**
 * Units (conversations or users) each side needs before any verdict: below about 30 the normal approximations
 * behind every interval here (z, Welch, delta method, bootstrap) are unreliable, whatever the interval says.
 */
export const MIN_UNITS_PER_VARIANT = 30;

export interface VerdictInput {
  ci: readonly [number, number] | null;
  /** 'higher' when larger is better (success rate, rating); 'lower' for latency, cost, error rate. */
  direction: 'higher' | 'lower';
  controlN: number;
  variantN: number;
  /** Holm-adjusted p-value; when given, a difference must also survive the adjustment (p̃ < α). */
  adjustedPValue?: number | null;
  alpha?: number;
  minUnits?: number;
}

/**
 * - insufficient_data: no interval, or fewer than `minUnits` (default MIN_UNITS_PER_VARIANT) units on a side;
 * - better / worse: the interval of value − control excludes 0 on the good / bad side for the metric's direction
 *   (and the adjusted p-value, if given, is below α, so the family-wise error across variants × metrics stays ≤ α);
 * - no_difference: otherwise — no difference detectable at this sample, which is not proof of equality.
 * The interval decides, not the raw p-value, so a sequential interval gives a sequential verdict.
 *
 * Reference: R. Kohavi, D. Tang & Y. Xu, Trustworthy Online Controlled Experiments (2020), ch. 2–3 (reading
 * intervals against the metric's direction), S. Holm (1979) for the adjustment.
 */
export function verdict(input: VerdictInput): Verdict {
  const minUnits = input.minUnits ?? MIN_UNITS_PER_VARIANT;
  const alpha = input.alpha ?? 0.05;
  if (input.ci === null || Math.min(input.controlN, input.variantN) < minUnits) return 'insufficient_data';
  const [low, high] = input.ci;
  const adjusted = input.adjustedPValue;
  if (adjusted !== undefined && adjusted !== null && !(adjusted < alpha)) return 'no_difference';
  if (low > 0) return input.direction === 'higher' ? 'better' : 'worse';
  if (high < 0) return input.direction === 'higher' ? 'worse' : 'better';
  return 'no_difference';
}
