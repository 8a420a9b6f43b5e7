// Owns the cohort shapes of /api/analytics/cohorts: a definition (dynamic conditions or a static list of user
// ids), the stored cohort, create / patch bodies, the list, the live preview and the retention matrix.
import { z } from 'zod';
import { DateRangeSchema, FilterSchema } from '../query/AnalyticsQuery.ts';

export const COHORT_STATUSES = ['pending', 'computing', 'ready', 'failed'] as const;
export const COHORT_ACTIVITY_METRICS = ['conversations', 'messages'] as const;
/** Dimensions a `used` condition names: the seed's "used a model / training method / widget". */
export const COHORT_USED_DIMENSIONS = ['model', 'provider', 'training_method', 'widget'] as const;
export const RETENTION_PERIODS = ['week', 'month'] as const;
export const COHORT_LIMITS = { conditions: 20, staticUsers: 100_000, nameLength: 200 } as const;

export type CohortStatus = (typeof COHORT_STATUSES)[number];
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

const userId = z.string().min(1).max(500);
const optionalRange = DateRangeSchema.optional();

/**
 * One condition on users. Every one is a set of user ids computed through AnalyticsQuery (users grouped by
 * `user`); `date_range` is the window of the messages it looks at (default `all`).
 */
export const CohortConditionSchema = z.discriminatedUnion('kind', [
  /** The user's first message falls inside `date_range`. */
  z.strictObject({ kind: z.literal('first_seen'), date_range: DateRangeSchema }),
  /** `metric` (conversations or messages) of the user inside the window is within [min, max]. */
  z
    .strictObject({
      kind: z.literal('activity'),
      metric: z.enum(COHORT_ACTIVITY_METRICS),
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
      date_range: optionalRange,
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, 'give min, max or both')
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, 'min must not exceed max'),
  /** A message of the user has one of `values` on `dimension` (a model, provider, training method, widget). */
  z.strictObject({
    kind: z.literal('used'),
    dimension: z.enum(COHORT_USED_DIMENSIONS),
    values: z
      .array(z.union([z.string().min(1).max(500), z.boolean()]))
      .min(1)
      .max(100),
    date_range: optionalRange,
  }),
  /** The user gave (one of their messages got) a rating of at most `at_most`. */
  z.strictObject({
    kind: z.literal('rating'),
    at_most: z.number().int().min(1).max(5),
    date_range: optionalRange,
  }),
  /** A message of the user failed (any error type, or `error_type`). */
  z.strictObject({
    kind: z.literal('error'),
    error_type: z.string().min(1).max(500).optional(),
    date_range: optionalRange,
  }),
  /** A message of the user passes `filter` (any AnalyticsQuery filter tree). */
  z.strictObject({ kind: z.literal('filter'), filter: FilterSchema, date_range: optionalRange }),
]);
export type CohortCondition = z.infer<typeof CohortConditionSchema>;

export const CohortDefinitionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('dynamic'),
    /** all: users meeting every condition; any: users meeting at least one. */
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(CohortConditionSchema).min(1).max(COHORT_LIMITS.conditions),
  }),
  z.strictObject({
    type: z.literal('static'),
    /** Ids with no conversation in the data are kept in the definition and counted as `unmatched`. */
    user_ids: z.array(userId).min(1).max(COHORT_LIMITS.staticUsers),
  }),
]);
export type CohortDefinition = z.infer<typeof CohortDefinitionSchema>;
export type CohortDefinitionInput = z.input<typeof CohortDefinitionSchema>;

const cohortFields = {
  name: z.string().trim().min(1).max(COHORT_LIMITS.nameLength),
  description: z.string().max(2000).optional(),
  definition: CohortDefinitionSchema,
};

export const CreateCohortRequestSchema = z.strictObject(cohortFields);
export type CreateCohortRequest = z.infer<typeof CreateCohortRequestSchema>;

/** PATCH: fields sent replace the stored ones (`description: null` clears it); a new definition recomputes. */
export const UpdateCohortRequestSchema = z
  .strictObject({ ...cohortFields, description: z.string().max(2000).nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field');
export type UpdateCohortRequest = z.infer<typeof UpdateCohortRequestSchema>;

export const CohortSchema = z.strictObject({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  definition: CohortDefinitionSchema,
  /** pending: queued for its first computation; computing; ready; failed (see `error`). */
  status: z.enum(COHORT_STATUSES),
  /** Members at the last computation; null before the first. */
  size: z.number().int().nullable(),
  /** Static cohorts: uploaded ids not (yet) seen in the data. */
  unmatched: z.number().int().nullable(),
  error: z.string().nullable(),
  computed_at: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Cohort = z.infer<typeof CohortSchema>;

export const CohortListSchema = z.strictObject({ cohorts: z.array(CohortSchema) });
export type CohortList = z.infer<typeof CohortListSchema>;

/** POST /api/analytics/cohorts/preview: the live count while a definition is edited; nothing is stored. */
export const CohortPreviewRequestSchema = z.strictObject({ definition: CohortDefinitionSchema });
export const CohortPreviewSchema = z.strictObject({
  users: z.number().int(),
  unmatched: z.number().int().nullable(),
});
export type CohortPreview = z.infer<typeof CohortPreviewSchema>;

export const CohortRetentionQuerySchema = z.strictObject({
  period: z.enum(RETENTION_PERIODS).default('week'),
  /** How many first-seen periods (rows) and periods since (columns), ending at the last complete one. */
  periods: z.coerce.number().int().min(1).max(52).default(8),
});

/** One row of the matrix: the cohort's members first seen in `start`'s period. */
export const RetentionRowSchema = z.strictObject({
  start: z.string(),
  users: z.number().int(),
  /** Per period since (0 = the first-seen period): members with a message in it; only complete periods. */
  returning: z.array(z.number().int()),
  /** returning / users, as a share 0..1, same length as `returning`. */
  shares: z.array(z.number()),
});
export type RetentionRow = z.infer<typeof RetentionRowSchema>;

export const CohortRetentionSchema = z.strictObject({
  cohort_id: z.string(),
  period: z.enum(RETENTION_PERIODS),
  /** End of the last complete period (exclusive): no cell reaches past it. */
  complete_until: z.string(),
  rows: z.array(RetentionRowSchema),
});
export type CohortRetention = z.infer<typeof CohortRetentionSchema>;
