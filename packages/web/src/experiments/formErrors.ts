// Owns sorting a save's problems onto the form's fields: the API's 400 issues (paths like `variants[1].name`)
// and the form's own checks, by the field that shows them; what no field shows stays for the form's banner.
import type { ValidationIssue } from '../api/types.ts';

export type FieldErrors = Record<string, string[]>;

/** The field a path belongs to: lists of ids and a filter's inner paths show at their list or filter. */
function fieldOf(path: string): string {
  const m = /^(variants\[\d+\]\.(?:session_ids|filter)|secondary_metrics|planned_split)\b/.exec(path);
  return m ? m[1] : path;
}

const SHOWN_TOP_LEVEL = new Set([
  'name',
  'hypothesis',
  'unit',
  'status',
  'variants',
  'control',
  'primary_metric',
  'secondary_metrics',
  'min_effect',
  'planned_split',
  'start',
  'end',
  'conclusion',
]);

export function formErrors(issues: ValidationIssue[], own: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => {
    out[field] = [...(out[field] ?? []), message];
  };
  for (const [field, message] of Object.entries(own)) add(field, message);
  for (const i of issues) {
    const f = fieldOf(i.path);
    const shown = SHOWN_TOP_LEVEL.has(f) || /^variants\[\d+\](\.(name|session_ids|filter))?$/.test(f);
    if (shown) add(f, i.message);
    else add('', i.path ? `${i.path}: ${i.message}` : i.message);
  }
  return out;
}
