// Owns "is this valid Unicode text": a lone UTF-16 surrogate (reachable only through a JSON escape such as
// \ud800) has no UTF-8 form, so the store cannot hold it and the whole commit holding it would fail.
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `s` has no unpaired surrogate. Native where the runtime has it (one-byte strings answer at once). */
export const isWellFormed: (s: string) => boolean = native
  ? (s) => native.call(s)
  : (s) => !LONE_SURROGATE.test(s);

/** Every string and object key inside a JSON-like value is well formed. */
export function isWellFormedDeep(v: unknown): boolean {
  if (typeof v === 'string') return isWellFormed(v);
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) return v.every(isWellFormedDeep);
  for (const [k, x] of Object.entries(v)) if (!isWellFormed(k) || !isWellFormedDeep(x)) return false;
  return true;
}

export const NOT_WELL_FORMED =
  'must be valid Unicode text (an unpaired surrogate escape such as \\ud800 is not)';
