// Owns the wire format of ingestion: zod schemas for models, conversations, messages, evaluations, benchmarks
// and their results, and the batch.
import { z } from 'zod';
import type { ValidationIssue } from '../wire/errors.ts';
import { jsonValueProblem } from './jsonValueProblem.ts';
import { LIMITS } from './limits.ts';
import { textProblem } from './storableText.ts';

export { LIMITS };

/** Turns a "why not" function into a zod check that reports its message at the field's path. */
const problemCheck =
  <T>(problem: (v: T) => string | undefined) =>
  (v: T, ctx: z.RefinementCtx) => {
    const message = problem(v);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  };

/** Any stored text: both stores must be able to hold it. */
const text = () => z.string().superRefine(problemCheck(textProblem));
const id = text()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`);
const label = text().max(LIMITS.idLength);
const isoTimestamp = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 timestamp' });
const count = z.number().int('must be an integer').nonnegative('must not be negative').max(2_147_483_647);

/** A free-form JSON object, bounded in depth and size so one record cannot bloat the store or the stack. */
const jsonObject = z.record(z.string(), z.unknown()).superRefine(problemCheck(jsonValueProblem));
const jsonValue = z.unknown().superRefine(problemCheck(jsonValueProblem));

export const TRAINING_METHODS = ['base', 'sft', 'dpo', 'rlhf', 'other'] as const;
export const ROLES = ['user', 'assistant', 'system', 'tool'] as const;

export const ModelSchema = z.strictObject({
  model_id: id,
  name: label.nullish(),
  provider: label.nullish(),
  training_method: z.enum(TRAINING_METHODS).nullish(),
  base_model: label.nullish(),
  training_dataset: jsonValue.optional(),
  evaluation_metrics: jsonValue.optional(),
  metadata: jsonObject.nullish(),
});

export const ConversationSchema = z.strictObject({
  id,
  user_id: label.nullish(),
  session_id: label.nullish(),
  experiment_name: label.nullish(),
  is_widget_session: z.boolean().nullish(),
  created_at: isoTimestamp.optional(),
});

export const ToolCallSchema = z.strictObject({
  name: id,
  success: z.boolean().nullish(),
  duration_ms: count.nullish(),
});

export const MessageSchema = z.strictObject({
  id,
  conversation_id: id,
  role: z.enum(ROLES),
  content: text().max(LIMITS.contentChars).nullish(),
  created_at: isoTimestamp.optional(),
  model_id: label.nullish(),
  provider: label.nullish(),
  input_tokens: count.nullish(),
  output_tokens: count.nullish(),
  latency_ms: count.nullish(),
  tools_called: z.array(ToolCallSchema).max(LIMITS.toolsPerMessage).nullish(),
  tool_success: z.boolean().nullish(),
  error_type: label.nullish(),
  metadata: jsonObject.nullish(),
});

export const EvaluationSchema = z.strictObject({
  id,
  message_id: id,
  evaluator_id: label.nullish(),
  rating: z.number().int('must be an integer').min(1).max(5).nullish(),
  success: z.boolean().nullish(),
  failure_tags: z.array(text().min(1).max(LIMITS.tagLength)).max(LIMITS.failureTags).nullish(),
  created_at: isoTimestamp.optional(),
});

export const BenchmarkSchema = z.strictObject({
  id,
  name: label.nullish(),
  description: text().max(LIMITS.contentChars).nullish(),
  task_type: label.nullish(),
  dataset: label.nullish(),
  metric: label.nullish(),
});

export const BenchmarkResultSchema = z.strictObject({
  id,
  benchmark_id: id,
  run_id: id,
  model_id: id,
  item_id: id,
  passed: z.boolean().nullish(),
  score: z.number('must be a finite number').nullish(),
  judge: label.nullish(),
  judgment: text().max(LIMITS.contentChars).nullish(),
  created_at: isoTimestamp.optional(),
});

/** The batch's lists, in the order they are validated and written. */
export const BATCH_LISTS = [
  'models',
  'conversations',
  'messages',
  'evaluations',
  'benchmarks',
  'benchmark_results',
] as const;

export const IngestBatchSchema = z
  .strictObject({
    models: z.array(ModelSchema).optional(),
    conversations: z.array(ConversationSchema).optional(),
    messages: z.array(MessageSchema).optional(),
    evaluations: z.array(EvaluationSchema).optional(),
    benchmarks: z.array(BenchmarkSchema).optional(),
    benchmark_results: z.array(BenchmarkResultSchema).optional(),
  })
  .refine((b) => BATCH_LISTS.reduce((n, k) => n + (b[k]?.length ?? 0), 0) <= LIMITS.itemsPerBatch, {
    message: `a batch holds at most ${LIMITS.itemsPerBatch} items`,
  });

export type ModelInput = z.input<typeof ModelSchema>;
export type ConversationInput = z.input<typeof ConversationSchema>;
export type MessageInput = z.input<typeof MessageSchema>;
export type EvaluationInput = z.input<typeof EvaluationSchema>;
export type BenchmarkInput = z.input<typeof BenchmarkSchema>;
export type BenchmarkResultInput = z.input<typeof BenchmarkResultSchema>;
export type Benchmark = z.output<typeof BenchmarkSchema>;
export type BenchmarkResult = z.output<typeof BenchmarkResultSchema>;
export type ToolCall = z.output<typeof ToolCallSchema>;
export type Model = z.output<typeof ModelSchema>;
export type Conversation = z.output<typeof ConversationSchema>;
export type Message = z.output<typeof MessageSchema>;
export type Evaluation = z.output<typeof EvaluationSchema>;
export type IngestBatch = z.output<typeof IngestBatchSchema>;
export type IngestBatchInput = z.input<typeof IngestBatchSchema>;

/** Turns zod issues into the API's `{path, message}` list, with paths like `messages[3].rating`. */
export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 100).map((i) => ({
    path: i.path.reduce<string>(
      (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
      '',
    ),
    message: i.message,
  }));
}
