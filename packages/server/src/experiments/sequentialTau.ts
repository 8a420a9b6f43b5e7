// Owns τ, the spread of the always-valid mixture, for each metric of an experiment.
import type { Estimate, Experiment } from '@llm-analytics/core';

/**
 * τ of the always-valid mixture: for the primary metric the experiment's minimum effect (in that metric's unit,
 * fixed before it starts, as the method wants); otherwise, and without one, a 10% change of the control's value,
 * else the estimate's standard error.
 */
export function sequentialTau(e: Experiment, metric: string, est: Estimate): number {
  if (e.min_effect !== null && metric === e.primary_metric) return e.min_effect;
  const relative = Math.abs(est.control_value ?? 0) * 0.1;
  return relative > 0 ? relative : est.standard_error || 1;
}
