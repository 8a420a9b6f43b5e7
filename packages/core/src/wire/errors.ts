// Owns the API error envelope every route answers failures with: `{error: {code, message, issues?}}`.
import { z } from 'zod';

/** One invalid field: its path (`messages[3].rating`) and what is wrong with it. */
export const ValidationIssueSchema = z.strictObject({ path: z.string(), message: z.string() });

export const ApiErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: 'Machine-readable, e.g. `validation_failed`, `forbidden`.' }),
      message: z.string(),
      issues: z.array(ValidationIssueSchema).optional(),
    }),
  })
  .meta({ id: 'ApiError' });

export type ValidationIssue = z.output<typeof ValidationIssueSchema>;
export type ApiErrorBody = z.output<typeof ApiErrorBodySchema>;
