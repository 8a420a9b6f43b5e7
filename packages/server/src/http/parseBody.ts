// Owns validating a request body against a zod schema, failing with the API's 400 envelope.
import { toIssues } from '@llm-analytics/core';
import type { z } from 'zod';
import { ApiError } from './ApiError.ts';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new ApiError(400, 'validation_failed', 'the request body is invalid', toIssues(r.error));
  return r.data;
}
