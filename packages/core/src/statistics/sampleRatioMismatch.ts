// Owns the sample-ratio-mismatch check: does the observed split of units fit the planned one?
import { chiSquare } from './chiSquare.ts';

/** p below this flags a mismatch (Fabijan et al. 2019; Kohavi et al. 2020, ch. 21). */
export const SRM_THRESHOLD = 0.001;

export interface SampleRatioMismatch {
  chi_square: number;
  df: number;
  /** null when no unit was observed. */
  p_value: number | null;
  mismatch: boolean;
}

/**
 * Pearson's χ² goodness-of-fit of the observed units per variant against the planned split (weights, normalized):
 *   Eᵢ = N·wᵢ/Σw,  χ² = Σ (Oᵢ − Eᵢ)²/Eᵢ,  df = m − 1,  p = P(χ²_df ≥ χ²).
 * A mismatch (p < 0.001) means the assignment or the logging is broken (a variant that crashes before logging,
 * bots, a redirect), and every comparison of the experiment is suspect. The strict 0.001 is the usual threshold:
 * the check runs on every experiment and every look, so 0.05 would raise false alarms constantly, while real
 * breakage yields p-values far below 0.001 at realistic traffic.
 *
 * References: K. Pearson, Philosophical Magazine 50 (1900) 157–175; A. Fabijan et al., "Diagnosing Sample Ratio
 * Mismatch in Online Controlled Experiments", KDD 2019; R. Kohavi, D. Tang & Y. Xu, Trustworthy Online Controlled
 * Experiments (2020), ch. 21.
 */
export function sampleRatioMismatch(
  observed: readonly number[],
  planned: readonly number[],
): SampleRatioMismatch {
  if (observed.length !== planned.length || observed.length < 2)
    throw new RangeError('observed and planned need one entry per variant (at least two)');
  if (!observed.every((o) => Number.isInteger(o) && o >= 0))
    throw new RangeError('observed counts must be integers ≥ 0');
  if (!planned.every((w) => Number.isFinite(w) && w > 0)) throw new RangeError('planned weights must be > 0');
  const df = observed.length - 1;
  const total = observed.reduce((s, o) => s + o, 0);
  if (total === 0) return { chi_square: 0, df, p_value: null, mismatch: false };
  const weight = planned.reduce((s, w) => s + w, 0);
  const stat = observed.reduce((s, o, i) => {
    const e = (total * planned[i]) / weight;
    return s + (o - e) ** 2 / e;
  }, 0);
  const p = chiSquare.sf(stat, df);
  return { chi_square: stat, df, p_value: p, mismatch: p < SRM_THRESHOLD };
}
