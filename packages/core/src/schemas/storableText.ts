// Owns "can both stores hold this text": valid Unicode (a lone UTF-16 surrogate, reachable only through a
// JSON escape such as \ud800, has no UTF-8 form) and no NUL (\u0000), which PostgreSQL cannot keep in text
// or jsonb though DuckDB can; a batch one engine accepts must not fail the other's whole group commit.
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `s` has no unpaired surrogate. Native where the runtime has it (one-byte strings answer at once). */
const isWellFormed: (s: string) => boolean = native ? (s) => native.call(s) : (s) => !LONE_SURROGATE.test(s);

export const NOT_WELL_FORMED =
  'must be valid Unicode text (an unpaired surrogate escape such as \\ud800 is not)';
export const HAS_NUL = 'must not contain the NUL character (\\u0000)';

/** True when both stores can hold `s`: two native scans, each stopping at the first offender. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && isWellFormed(s);
}

/** Why `s` cannot be stored (an API message), or undefined when it can. */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return HAS_NUL;
  return isWellFormed(s) ? undefined : NOT_WELL_FORMED;
}
