// Owns the reply of POST /api/analytics/query: coerced rows, the comparison period and the reply metadata.
import { z } from 'zod';
import { GRANULARITIES } from '../query/AnalyticsQuery.ts';
import type { QueryMeta } from '../query/compileQuery.ts';
import { METRIC_TYPES, UNITS } from '../query/registry/types.ts';

export const ReplyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ReplyRowSchema = z.record(z.string(), ReplyValueSchema).meta({ id: 'ReplyRow' });

const window = z.strictObject({ from: z.string(), to: z.string() });
const TimeBucketSchema = z.enum(GRANULARITIES).exclude(['auto']);

export const ReplyMetaSchema = z.strictObject({
  metrics: z.array(z.strictObject({ id: z.string(), type: z.enum(METRIC_TYPES), unit: z.enum(UNITS) })),
  dimensions: z.array(z.string()),
  /** The bucket the `time` dimension used (resolved from `auto`); null without a time dimension. */
  time_bucket: TimeBucketSchema.nullable(),
  window: window.nullable(),
  comparison_window: window.optional(),
  limit: z.number().int(),
  /** More groups matched than `limit`: the rows are the first `limit`. */
  truncated: z.boolean(),
  /** Messages with tokens that no price-book layer prices (counted, added to cost as 0). Only with cost metrics. */
  unpriced_messages: z.number().optional(),
});

export const AnalyticsReplySchema = z
  .strictObject({
    rows: z.array(ReplyRowSchema),
    /** Present with `compare`: the previous window's rows and, aligned with `rows`, each metric's change in %. */
    comparison: z
      .strictObject({
        rows: z.array(ReplyRowSchema),
        change_pct: z.array(z.record(z.string(), z.number().nullable())),
      })
      .optional(),
    meta: ReplyMetaSchema,
  })
  .meta({ id: 'AnalyticsReply' });

export type ReplyValue = z.output<typeof ReplyValueSchema>;
export type ReplyRow = z.output<typeof ReplyRowSchema>;
export type ReplyMeta = z.output<typeof ReplyMetaSchema>;
export type AnalyticsReply = z.output<typeof AnalyticsReplySchema>;

/** Exact type equality (mutual assignability is too weak: it ignores optional-versus-missing). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Plain<T> = { [K in keyof T]: T[K] };

/** The compiler's metadata is the reply's, less what formatResult adds: they cannot drift apart. */
export const COMPILER_META_MATCHES_REPLY: Equal<
  Plain<Omit<QueryMeta, 'priced'>>,
  Plain<Omit<ReplyMeta, 'truncated' | 'unpriced_messages'>>
> = true;
