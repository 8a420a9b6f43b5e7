// Owns sorting a rule save's problems onto the form's fields: the API's 400 issues (paths such as
// `condition.threshold` or `channels[1].to[0]`) and the form's own checks; the rest goes to the banner.
import type { ValidationIssue } from '../api/types.ts';
import type { RuleDraft } from './ruleDraft.ts';

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

/** The error fields a draft field's edit makes stale (a channel edit: every channel's). */
const STALE: Partial<Record<keyof RuleDraft, RegExp>> = {
  name: /^name$/,
  description: /^description$/,
  type: /^condition\./,
  metric: /^condition\.metric$/,
  filter: /^condition\.filters$/,
  sliceDimension: /^condition\.slice$/,
  sliceValue: /^condition\.slice$/,
  comparator: /^condition\.comparator$/,
  threshold: /^condition\.threshold$/,
  windowMinutes: /^condition\.window_minutes$/,
  forMinutes: /^condition\.for_minutes$/,
  sensitivity: /^condition\.sensitivity$/,
  cooldownMinutes: /^cooldown_minutes$/,
  repeatMinutes: /^repeat_minutes$/,
  mutedUntil: /^muted_until$/,
  channels: /^channels/,
};

/** `errors` without those of the fields `patch` edits: a corrected field stops saying what was wrong. */
export function withoutEdited(errors: FieldErrors, patch: Partial<RuleDraft>): FieldErrors {
  const stale = Object.keys(patch).flatMap((k) => STALE[k as keyof RuleDraft] ?? []);
  if (stale.length === 0) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([f]) => !stale.some((re) => re.test(f))));
}
