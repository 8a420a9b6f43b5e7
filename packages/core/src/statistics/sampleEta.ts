// Owns the estimated date an experiment reaches its needed sample at the current traffic.

export interface SampleEtaInput {
  /** Units each variant needs (sampleSizePerVariant). */
  neededPerVariant: number;
  /** Units each variant has so far. */
  currentPerVariant: readonly number[];
  /** New units per day over all variants (e.g. the last seven days' average). */
  dailyUnits: number;
  /** Planned split (weights) in the order of currentPerVariant. */
  split: readonly number[];
  now: Date;
}

export interface SampleEta {
  /** Units still needed by the variant furthest from its target. */
  remaining: number;
  /** Whole days until every variant has enough; null when no traffic arrives. */
  days: number | null;
  /** ISO timestamp of `now + days`; null without traffic. */
  eta: string | null;
}

/**
 * Days until the slowest variant reaches the target at the current rate:
 *   days = ⌈ maxᵢ (n_needed − nᵢ)⁺ / (daily · wᵢ/Σw) ⌉,  eta = now + days.
 * A linear extrapolation: it assumes traffic and split stay as they are (Kohavi et al. 2020, ch. 15, on
 * experiment duration and weekly cycles: round up to whole weeks before concluding).
 *
 * Reference: R. Kohavi, D. Tang & Y. Xu, Trustworthy Online Controlled Experiments (2020), ch. 15 and 17.
 */
export function sampleEta(input: SampleEtaInput): SampleEta {
  const { neededPerVariant, currentPerVariant, dailyUnits, split, now } = input;
  if (currentPerVariant.length !== split.length || split.length === 0)
    throw new RangeError('currentPerVariant and split need one entry per variant');
  if (!split.every((w) => w > 0)) throw new RangeError('split weights must be > 0');
  const weight = split.reduce((s, w) => s + w, 0);
  let remaining = 0;
  let days = 0;
  for (let i = 0; i < split.length; i++) {
    const left = Math.max(0, neededPerVariant - currentPerVariant[i]);
    remaining = Math.max(remaining, left);
    if (left === 0) continue;
    if (!(dailyUnits > 0)) return { remaining: Math.ceil(remaining), days: null, eta: null };
    days = Math.max(days, left / ((dailyUnits * split[i]) / weight));
  }
  const whole = Math.ceil(days);
  return {
    remaining: Math.ceil(remaining),
    days: whole,
    eta: new Date(now.getTime() + whole * 86_400_000).toISOString(),
  };
}
