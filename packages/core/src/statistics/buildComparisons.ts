// Owns turning the estimates of an experiment into its reply's comparisons: Holm across all, then verdicts.
import type { ExperimentComparison } from '../wire/experiments.ts';
import type { Estimate } from './Estimate.ts';
import { holmAdjust } from './holmAdjust.ts';
import { verdict } from './verdict.ts';

export interface ComparisonInput {
  variant: string;
  metric: string;
  direction: 'higher' | 'lower';
  estimate: Estimate;
}

/**
 * One comparison per (variant, metric) against the control, with the Holm adjustment taken over the whole family
 * (every variant × every metric of the experiment, as the issue asks) and the verdict from the estimate's
 * interval, its direction, the minimum sample and the adjusted p-value (see verdict).
 *
 * Reference: S. Holm, Scandinavian Journal of Statistics 6 (1979) 65–70.
 */
export function buildComparisons(
  inputs: readonly ComparisonInput[],
  options: { alpha?: number; minUnits?: number } = {},
): ExperimentComparison[] {
  const adjusted = holmAdjust(inputs.map((i) => i.estimate.p_value));
  return inputs.map(({ variant, metric, direction, estimate: e }, k) => ({
    variant,
    metric,
    control_value: e.control_value,
    value: e.value,
    difference: e.difference,
    relative_difference: e.relative_difference,
    ci: e.ci,
    p_value: e.p_value,
    adjusted_p_value: adjusted[k],
    verdict: verdict({
      ci: e.ci,
      direction,
      controlN: e.control_n,
      variantN: e.variant_n,
      adjustedPValue: adjusted[k],
      alpha: options.alpha,
      minUnits: options.minUnits,
    }),
    method: e.method,
  }));
}
