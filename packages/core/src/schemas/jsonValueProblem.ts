// Owns judging a free-form JSON value (metadata, training_dataset, evaluation_metrics) as both stores will
// keep it: nested at most LIMITS.jsonDepth levels, every key and string storable text, serialised within
// LIMITS.metadataJsonChars. Depth is checked before anything unbounded (JSON.stringify) walks the value.
import { LIMITS } from './limits.ts';
import { textProblem } from './storableText.ts';

export const TOO_DEEP = `must not nest objects and arrays more than ${LIMITS.jsonDepth} levels deep`;
export const TOO_LARGE = `must serialise to at most ${LIMITS.metadataJsonChars} characters`;
export const NOT_JSON = 'must be a JSON value';

/** Why `v` cannot be stored as a free-form JSON value (an API message), or undefined when it can. */
export function jsonValueProblem(v: unknown): string | undefined {
  const problem = shapeProblem(v, 0);
  if (problem !== undefined) return problem;
  let text: string | undefined;
  try {
    text = JSON.stringify(v);
  } catch {
    return NOT_JSON; // a BigInt; cycles cannot get here, they are too deep first
  }
  if (text === undefined) return v === undefined ? undefined : NOT_JSON;
  return text.length > LIMITS.metadataJsonChars ? TOO_LARGE : undefined;
}

/** Recursion stops at the depth limit, so however deep the input, the stack holds at most jsonDepth frames.
 *  Own enumerable keys and array indices are exactly what JSON.stringify will write. */
function shapeProblem(v: unknown, depth: number): string | undefined {
  if (typeof v === 'string') return textProblem(v);
  if (typeof v !== 'object' || v === null) return undefined;
  if (depth === LIMITS.jsonDepth) return TOO_DEEP;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = shapeProblem(v[i], depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  for (const k of Object.keys(v)) {
    const p = textProblem(k) ?? shapeProblem((v as Record<string, unknown>)[k], depth + 1);
    if (p !== undefined) return p;
  }
  return undefined;
}
