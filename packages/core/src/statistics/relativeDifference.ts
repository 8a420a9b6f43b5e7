// Owns the relative difference of a variant's value to the control's.

/** (value − control) / |control|, the relative difference; null for a zero control, where it is undefined. */
export function relativeDifference(control: number, value: number): number | null {
  return control === 0 ? null : (value - control) / Math.abs(control);
}
