// Owns the reply of GET /api/analytics/model-comparison: per-model metrics and each fine-tune's delta to its base.
import { z } from 'zod';
import { RELATIVE_RANGES } from '../query/AnalyticsQuery.ts';

export const COMPARED_METRICS = [
  'messages',
  'evaluations',
  'avg_rating',
  'success_rate',
  'error_rate',
  'latency_p50',
  'latency_p95',
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'cost',
  'cost_per_message',
] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

const perMetric = <S extends z.ZodType>(value: S) =>
  z.strictObject(Object.fromEntries(COMPARED_METRICS.map((m) => [m, value])) as Record<ComparedMetric, S>);

export const DeltaSchema = z.strictObject({
  absolute: z.number().nullable(),
  /** Change relative to the base model in %; null when the base value is 0 or missing. */
  pct: z.number().nullable(),
});

export const ComparedModelSchema = perMetric(z.number().nullable()).extend({
  model_id: z.string(),
  name: z.string().nullable(),
  provider: z.string().nullable(),
  training_method: z.string().nullable(),
  base_model: z.string().nullable(),
  /** Fine-tunes only, when their base model is known: fine-tune minus base, per metric. */
  vs_base: z.strictObject({ base_model: z.string(), deltas: perMetric(DeltaSchema) }).nullable(),
});

export const ModelComparisonReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    date_range: z.enum(RELATIVE_RANGES),
    window: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
    models: z.array(ComparedModelSchema),
    unpriced_messages: z.number(),
  }),
});

export type Delta = z.output<typeof DeltaSchema>;
export type ComparedModel = z.output<typeof ComparedModelSchema>;
export type ModelComparisonReply = z.output<typeof ModelComparisonReplySchema>;
