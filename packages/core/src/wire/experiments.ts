// Owns the experiment shapes of /api/analytics/experiments: the stored experiment, create/edit bodies, results.
import { z } from 'zod';
import { FilterSchema } from '../query/AnalyticsQuery.ts';

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped', 'concluded'] as const;
export const EXPERIMENT_UNITS = ['conversation', 'user'] as const;
export const VERDICTS = ['better', 'worse', 'no_difference', 'insufficient_data'] as const;
export const RESULT_MODES = ['sequential', 'fixed'] as const;

const isoDateTime = z.iso.datetime({ offset: true });
const name = z.string().trim().min(1).max(200);
const metricId = z.string().min(1).max(64);

export const ExperimentVariantSchema = z
  .strictObject({
    name,
    /** The `session_id`s whose conversations belong to this variant. */
    session_ids: z.array(z.string().min(1).max(500)).max(1000).optional(),
    /** Or (and) a filter tree selecting its conversations. */
    filter: FilterSchema.optional(),
  })
  .refine((v) => (v.session_ids?.length ?? 0) > 0 || v.filter !== undefined, {
    message: 'a variant selects its conversations by session_ids or a filter',
  });

const experimentFields = {
  name,
  hypothesis: z.string().max(5000).optional(),
  /** The independent unit of the statistics: messages of one conversation (or user) are not independent. */
  unit: z.enum(EXPERIMENT_UNITS),
  variants: z.array(ExperimentVariantSchema).min(2).max(20),
  /** The name of the control variant. */
  control: name,
  primary_metric: metricId,
  secondary_metrics: z.array(metricId).max(20).optional(),
  /** The smallest difference worth detecting, in the metric's unit (0.05 = five points for rates). */
  min_effect: z.number().positive().finite().optional(),
  /** Planned share of units per variant, in the order of `variants`. */
  planned_split: z.array(z.number().positive().finite()).optional(),
  start: isoDateTime.optional(),
  end: isoDateTime.optional(),
};

function checkVariants(
  e: { variants?: { name: string }[]; control?: string; planned_split?: number[] },
  ctx: z.RefinementCtx,
): void {
  if (!e.variants) return;
  const names = e.variants.map((v) => v.name);
  if (new Set(names).size !== names.length)
    ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variant names must be unique' });
  if (e.control !== undefined && !names.includes(e.control))
    ctx.addIssue({ code: 'custom', path: ['control'], message: 'control must name one of the variants' });
  if (e.planned_split && e.planned_split.length !== names.length)
    ctx.addIssue({
      code: 'custom',
      path: ['planned_split'],
      message: 'planned_split needs one share per variant',
    });
}

export const CreateExperimentRequestSchema = z
  .strictObject({ ...experimentFields, status: z.enum(['draft', 'running']).optional() })
  .superRefine(checkVariants);

/** PATCH: any field; `status` moves through the lifecycle, `conclusion` is the note a concluded experiment keeps. */
export const UpdateExperimentRequestSchema = z
  .strictObject({
    ...experimentFields,
    status: z.enum(EXPERIMENT_STATUSES),
    conclusion: z.string().max(10_000),
  })
  .partial()
  .superRefine(checkVariants);

export const ExperimentSchema = z.strictObject({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  hypothesis: z.string().nullable(),
  unit: z.enum(EXPERIMENT_UNITS),
  status: z.enum(EXPERIMENT_STATUSES),
  /** Who moved the experiment to its current status, and when. */
  status_changed_by: z.string().nullable(),
  status_changed_at: z.string(),
  variants: z.array(ExperimentVariantSchema),
  control: z.string(),
  primary_metric: z.string(),
  secondary_metrics: z.array(z.string()),
  min_effect: z.number().nullable(),
  planned_split: z.array(z.number()).nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  conclusion: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const ExperimentListSchema = z.strictObject({ experiments: z.array(ExperimentSchema) });

/** One metric of one variant against the control (packages/core/src/statistics/buildComparisons.ts). */
export const ExperimentComparisonSchema = z.strictObject({
  variant: z.string(),
  metric: z.string(),
  control_value: z.number().nullable(),
  value: z.number().nullable(),
  /** value − control_value in the metric's unit (a fraction for rates: 0.05 is five points). */
  difference: z.number().nullable(),
  relative_difference: z.number().nullable(),
  /** 95% interval of `difference`; always-valid (sequential) in mode=sequential. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  p_value: z.number().nullable(),
  /** Holm-adjusted across every variant × metric of the experiment. */
  adjusted_p_value: z.number().nullable(),
  /** For the metric's direction: lower latency, cost and error rate are better. */
  verdict: z.enum(VERDICTS),
  /** How the interval and p-value were computed, to show in the UI. */
  method: z.string(),
});

export const ExperimentResultsSchema = z.strictObject({
  experiment: ExperimentSchema,
  mode: z.enum(RESULT_MODES),
  variants: z.array(
    z.strictObject({
      name: z.string(),
      conversations: z.number().int(),
      users: z.number().int(),
      metrics: z.record(z.string(), z.number().nullable()),
    }),
  ),
  comparisons: z.array(ExperimentComparisonSchema),
  /** χ² of the observed split of units against the planned one; mismatch when p < 0.001. */
  srm: z.strictObject({ p_value: z.number().nullable(), mismatch: z.boolean() }),
  /** Units per variant the primary metric needs for the minimum effect at 80% power, α = 0.05. */
  power: z.strictObject({
    metric: z.string(),
    needed_per_variant: z.number().int().nullable(),
    /** Estimated date (ISO) at the current daily traffic; absent without traffic or a minimum effect. */
    eta: z.string().optional(),
  }),
});

/**
 * A draft offered from the data: an `experiment_name` whose conversations carry two or more `session_id`s that
 * no stored experiment names yet. `draft` is a ready create body: POST it as it is.
 */
export const ExperimentSuggestionSchema = z.strictObject({
  experiment_name: z.string(),
  session_ids: z.array(z.string()),
  /** Conversations per session id, in the order of `session_ids`. */
  conversations: z.array(z.number().int()),
  draft: CreateExperimentRequestSchema,
});

export const ExperimentSuggestionListSchema = z.strictObject({
  suggestions: z.array(ExperimentSuggestionSchema),
});

/** GET …/:id/results query string. */
export const ExperimentResultsQuerySchema = z.strictObject({ mode: z.enum(RESULT_MODES).optional() });

export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
export type ExperimentVariant = z.output<typeof ExperimentVariantSchema>;
export type CreateExperimentRequest = z.input<typeof CreateExperimentRequestSchema>;
export type UpdateExperimentRequest = z.input<typeof UpdateExperimentRequestSchema>;
export type Experiment = z.output<typeof ExperimentSchema>;
export type ExperimentList = z.output<typeof ExperimentListSchema>;
export type ExperimentComparison = z.output<typeof ExperimentComparisonSchema>;
export type ExperimentResults = z.output<typeof ExperimentResultsSchema>;
export type ExperimentSuggestion = z.output<typeof ExperimentSuggestionSchema>;
export type ExperimentSuggestionList = z.output<typeof ExperimentSuggestionListSchema>;
export type ResultMode = (typeof RESULT_MODES)[number];
