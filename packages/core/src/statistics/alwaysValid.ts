// Owns the sequential (always-valid) interval and p-value: a normal-mixture SPRT over any difference estimate.
import type { Estimate } from './Estimate.ts';

export interface AlwaysValidOptions {
  /**
   * τ, the standard deviation of the normal mixing distribution over the true difference, in the metric's unit.
   * It decides at which sample the test is most efficient (where the SE is about τ). Fix it before the experiment
   * starts (it must not depend on the data); the experiment's minimum effect is the natural choice.
   */
  tau: number;
  alpha?: number;
}

/**
 * Always-valid inference by the mixture sequential probability ratio test (mSPRT) with a N(0, τ²) mixture. For a
 * difference estimate θ̂ with variance V = SE² and the null θ = θ₀, the mixture likelihood ratio is
 *   Λ(θ₀) = √(V/(V+τ²)) · exp( τ²(θ̂−θ₀)² / (2V(V+τ²)) ).
 * It is a non-negative martingale under the null, so by Ville's inequality P(∃ look: Λ ≥ 1/α) ≤ α however often
 * the dashboard is opened. Hence
 *   p = min(1, 1/Λ(0)),
 *   CI = θ̂ ± √( V(V+τ²)/τ² · (ln((V+τ²)/V) + 2·ln(1/α)) )   (all θ₀ with Λ(θ₀) < 1/α).
 * Computed from the current look alone, p is ≥ the running minimum over looks that the paper defines, so it is
 * still always valid, only a little conservative. V is the plug-in variance of the fixed-horizon estimate (its
 * `standard_error`), as in the paper's treatment of proportions and of unknown variance at large samples.
 *
 * References: R. Johari, L. Pekelis & D. Walsh, "Always Valid Inference: Bringing Sequential Analysis to A/B
 * Testing", arXiv:1512.04922 (2015/2017); R. Johari, P. Koomen, L. Pekelis & D. Walsh, Operations Research 70
 * (2022) 1806–1821; H. Robbins, Annals of Mathematical Statistics 41 (1970) 1397–1409 (mixture martingales).
 */
export function alwaysValid(estimate: Estimate, options: AlwaysValidOptions): Estimate {
  const { tau } = options;
  const alpha = options.alpha ?? 0.05;
  if (!(tau > 0) || !Number.isFinite(tau)) throw new RangeError('tau must be a positive number');
  const method = `${estimate.method}; always-valid mixture SPRT (τ = ${tau})`;
  const { difference: d, standard_error: se } = estimate;
  if (d === null || se === null) return { ...estimate, ci: null, p_value: null, method };
  const v = se * se;
  const t2 = tau * tau;
  if (v === 0) return { ...estimate, ci: [d, d], p_value: d === 0 ? 1 : 0, method };
  const logLambda = 0.5 * Math.log(v / (v + t2)) + (t2 * d * d) / (2 * v * (v + t2));
  const half = Math.sqrt(((v * (v + t2)) / t2) * (Math.log((v + t2) / v) + 2 * Math.log(1 / alpha)));
  return { ...estimate, ci: [d - half, d + half], p_value: Math.min(1, Math.exp(-logLambda)), method };
}
