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
