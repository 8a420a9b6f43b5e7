// Owns the reply of GET /api/health: version and database state.
import { z } from 'zod';

const engine = z.enum(['duckdb', 'postgres']);

export const HealthReplySchema = z.strictObject({
  status: z.literal('ok'),
  version: z.string(),
  database: z.strictObject({ engine, ok: z.literal(true), schema_version: z.number() }),
});

/** 503: the database does not answer. */
export const HealthDegradedSchema = z.strictObject({
  status: z.literal('degraded'),
  version: z.string(),
  database: z.strictObject({ engine, ok: z.literal(false), error: z.string() }),
});

export type HealthReply = z.output<typeof HealthReplySchema>;
export type HealthDegraded = z.output<typeof HealthDegradedSchema>;
