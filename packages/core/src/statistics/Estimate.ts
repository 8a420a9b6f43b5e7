// Owns the shape every two-sample comparison returns (variant against control), before the verdict is drawn.

/**
 * One metric of one variant against the control. Values are in the metric's unit (a rate is a fraction, so a
 * difference of 0.05 is five points); `null` where the data cannot give a number (no units, no variance).
 */
export interface Estimate {
  control_value: number | null;
  value: number | null;
  /** value − control_value. */
  difference: number | null;
  /** difference / control_value; null when the control value is 0 or unknown. */
  relative_difference: number | null;
  /** Confidence interval of `difference` (95% unless another α was asked for). */
  ci: [number, number] | null;
  p_value: number | null;
  /**
   * Standard error of `difference` that the always-valid interval and the power calculation use (never 0 for
   * proportions: see compareProportions).
   */
  standard_error: number | null;
  /** Independent units (conversations or users) behind each side. */
  control_n: number;
  variant_n: number;
  /** How the interval and p-value were computed, in words a UI can show. */
  method: string;
}

/** The part of an Estimate that carries no number: what an insufficient sample returns. */
export function emptyEstimate(control_n: number, variant_n: number, method: string): Estimate {
  return {
    control_value: null,
    value: null,
    difference: null,
    relative_difference: null,
    ci: null,
    p_value: null,
    standard_error: null,
    control_n,
    variant_n,
    method,
  };
}

/** relative difference, guarded against a zero control. */
export function relativeDifference(control: number, value: number): number | null {
  return control === 0 ? null : (value - control) / Math.abs(control);
}
