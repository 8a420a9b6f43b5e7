// Owns cluster-robust ratio metrics: per-message rates and means whose independent unit is the conversation.

import type { Estimate } from './Estimate.ts';
import { emptyEstimate } from './emptyEstimate.ts';
import { normal } from './normal.ts';
import { relativeDifference } from './relativeDifference.ts';

/**
 * Per-cluster totals of one arm, summed over its clusters (conversations or users): for cluster i, xᵢ is the
 * numerator (e.g. failed messages, tokens) and yᵢ the denominator (messages). One SQL pass can produce it.
 */
export interface ClusterSums {
  clusters: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

/**
 * Variance of R = Σx/Σy over k clusters by the delta method:
 *   Var(R) ≈ (s²ₓ − 2R·sₓᵧ + R²·s²ᵧ) / (k·ȳ²) = Σ(xᵢ − R·yᵢ)² / ((k−1)·k·ȳ²),
 * the second form computed from the sums as Σx² − 2R·Σxy + R²·Σy² (the cross terms with x̄, ȳ cancel exactly).
 */
function ratioVariance(s: ClusterSums): { ratio: number; variance: number } {
  const ratio = s.sumX / s.sumY;
  const ybar = s.sumY / s.clusters;
  const residual = Math.max(0, s.sumXX - 2 * ratio * s.sumXY + ratio * ratio * s.sumYY);
  return { ratio, variance: residual / ((s.clusters - 1) * s.clusters * ybar * ybar) };
}

/**
 * Difference of two ratio metrics R₁ − R₀ (R = Σx/Σy, e.g. error rate per message, cost per message) where the
 * independent unit is the cluster (conversation or user), not the message.
 *
 * Why: messages of one conversation share a user, a prompt and a context, so their outcomes are correlated. Treating
 * them as independent (a per-message z- or t-test) understates the variance by the design effect
 * 1 + (m−1)·ρ (m messages per conversation, intra-cluster correlation ρ) and reports differences that are not
 * there. Randomization happens per conversation (or user), so that is the sample the variance must be taken over.
 *
 * Variance of each ratio by the delta method on cluster sums (see ratioVariance), then
 *   SE = √(Var(R₁) + Var(R₀)),  CI = d ± z_{1−α/2}·SE,  p = 2·(1 − Φ(|d|/SE)).
 * With yᵢ = 1 for every cluster this is the ordinary mean with variance s²/k. Needs ≥ 2 clusters with a non-zero
 * denominator on each side; a zero variance gives CI [d, d] and p = 1 when d = 0, else 0.
 *
 * References: A. Deng, U. Knoblich & J. Lu, "Applying the Delta Method in Metric Analytics: A Practical Guide with
 * Novel Ideas", KDD 2018; R. Kohavi, D. Tang & Y. Xu, Trustworthy Online Controlled Experiments (2020), ch. 18;
 * L. Kish, Survey Sampling (1965), §8.2 (design effect).
 */
export function compareRatios(
  control: ClusterSums,
  variant: ClusterSums,
  options: { alpha?: number; unit?: string } = {},
): Estimate {
  for (const [s, side] of [
    [control, 'control'],
    [variant, 'variant'],
  ] as const) {
    const finite = [s.sumX, s.sumY, s.sumXX, s.sumYY, s.sumXY].every(Number.isFinite);
    if (!Number.isInteger(s.clusters) || s.clusters < 0 || !finite || s.sumXX < 0 || s.sumYY < 0)
      throw new RangeError(`${side}: clusters must be a non-negative integer and the sums finite`);
  }
  const alpha = options.alpha ?? 0.05;
  const method = `ratio metric: delta-method variance over ${options.unit ?? 'conversation'}s, two-sided z-test`;
  if (control.clusters < 2 || variant.clusters < 2 || control.sumY === 0 || variant.sumY === 0)
    return emptyEstimate(control.clusters, variant.clusters, method);
  const c = ratioVariance(control);
  const v = ratioVariance(variant);
  const d = v.ratio - c.ratio;
  const se = Math.sqrt(c.variance + v.variance);
  const half = normal.quantile(1 - alpha / 2) * se;
  return {
    control_value: c.ratio,
    value: v.ratio,
    difference: d,
    relative_difference: relativeDifference(c.ratio, v.ratio),
    ci: [d - half, d + half],
    p_value: se === 0 ? (d === 0 ? 1 : 0) : Math.min(1, 2 * normal.sf(Math.abs(d) / se)),
    standard_error: se,
    control_n: control.clusters,
    variant_n: variant.clusters,
    method,
  };
}
