// Owns the estimate a comparison returns when the sample gives no numbers (no units, no variance).
import type { Estimate } from './Estimate.ts';

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
