// Owns judging one reply against its route's contract: the schema declared for its status, `ApiErrorBody`
// for errors. Used by the test-time reply check (installReplyCheck) and testable on its own.
import { ApiErrorBodySchema } from '@llm-analytics/core';
import type { RouteDoc } from './apiRoute.ts';

/**
 * Why `body` (the parsed JSON, or undefined when empty) breaks the contract of `doc` for `status`, or
 * undefined when it keeps it. A route without a doc may only answer errors.
 */
export function replyProblem(doc: RouteDoc | undefined, status: number, body: unknown): string | undefined {
  const declared = doc?.replies[status];
  if (declared === undefined) {
    if (status < 400) return `status ${status} is not among the route's declared replies`;
    const r = ApiErrorBodySchema.safeParse(body);
    return r.success ? undefined : `the error body is not an ApiErrorBody: ${issues(r.error)}`;
  }
  if (declared === null) return body === undefined ? undefined : `status ${status} declares no body`;
  const r = declared.safeParse(body);
  return r.success ? undefined : `the ${status} body does not match its schema: ${issues(r.error)}`;
}

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
