// Owns validating a query string against a zod schema, failing with the API's 400 envelope.
import type { z } from 'zod';
import { ApiError } from './ApiError.ts';

/** A route's own 400 for a bad query string; without one, the first issue's path and message are the message. */
export interface QueryError {
  code: string;
  message: string;
}

export function parseQueryString<S extends z.ZodType>(
  schema: S,
  query: unknown,
  error?: QueryError,
): z.output<S> {
  const r = schema.safeParse(query ?? {});
  if (r.success) return r.data;
  if (error) throw new ApiError(400, error.code, error.message);
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw new ApiError(
    400,
    'invalid_parameters',
    first ? `${first.path || 'query'}: ${first.message}` : 'the query string is invalid',
    issues,
  );
}
