// Owns sorting a rule save's problems onto the form's fields: the API's 400 issues (paths such as
// `condition.threshold` or `channels[1].to[0]`) and the form's own checks; the rest goes to the banner.
import type { ValidationIssue } from '../api/types.ts';

export type FieldErrors = Record<string, string[]>;

const FIELDS =
  /^(name|description|cooldown_minutes|repeat_minutes|muted_until|enabled|condition\.(?:metric|filters|slice|comparator|threshold|window_minutes|for_minutes|sensitivity)|channels\[\d+\]\.(?:url|to|name)|channels)\b/;

/** `field → messages`; '' holds what no field shows, each message prefixed with its path. */
export function ruleErrors(issues: ValidationIssue[], own: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => {
    out[field] = [...(out[field] ?? []), message];
  };
  for (const [field, message] of Object.entries(own)) add(field, message);
  for (const i of issues) {
    const m = FIELDS.exec(i.path);
    if (m) add(m[1], i.message);
    else add('', i.path ? `${i.path}: ${i.message}` : i.message);
  }
  return out;
}
