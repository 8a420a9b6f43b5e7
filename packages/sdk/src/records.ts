// Owns turning a caller's record into a queued one: default id and created_at, schema check, JSON encoding.
import { randomUUID } from 'node:crypto';
import type {
  BenchmarkInput,
  BenchmarkResultInput,
  ConversationInput,
  EvaluationInput,
  MessageInput,
  ModelInput,
} from '@llm-analytics/core';
import {
  BenchmarkResultSchema,
  BenchmarkSchema,
  ConversationSchema,
  EvaluationSchema,
  MessageSchema,
  ModelSchema,
  toIssues,
} from '@llm-analytics/core';
import { InvalidRecordError } from './errors.ts';
import type { EncodedItem, Envelope } from './queue.ts';

/** The arrays of an ingest request, in the order they are written into the body. */
export const KINDS = [
  'models',
  'conversations',
  'messages',
  'evaluations',
  'benchmarks',
  'benchmark_results',
] as const;
export type RecordKind = (typeof KINDS)[number];

/** A conversation as the SDK takes it: `id` and `created_at` are filled in when absent. */
export type NewConversation = Omit<ConversationInput, 'id'> & { id?: string };
/** A message as the SDK takes it: `id` and `created_at` are filled in when absent. */
export type NewMessage = Omit<MessageInput, 'id'> & { id?: string };
/** An evaluation as the SDK takes it: `id` and `created_at` are filled in when absent. */
export type NewEvaluation = Omit<EvaluationInput, 'id'> & { id?: string };
/** A benchmark (an evaluation suite); `id` is required: results name it. */
export type NewBenchmark = BenchmarkInput;
/** One judged benchmark item as the SDK takes it: `id` and `created_at` are filled in when absent. */
export type NewBenchmarkResult = Omit<BenchmarkResultInput, 'id'> & { id?: string };
/** A model as the SDK takes it; `model_id` is its id and is required. */
export type NewModel = ModelInput;

/** One record, encoded once at enqueue time so that the batch body is a concatenation. */
export type QueuedRecord = EncodedItem<RecordKind>;

/** The body of `POST /api/ingest`: the arrays, always all present, in `KINDS` order. */
export const ingestBody: Envelope<RecordKind> = (groups) =>
  `{${KINDS.map((k) => `"${k}":[${groups[k].join(',')}]`).join(',')}}`;

const SCHEMAS = {
  models: ModelSchema,
  conversations: ConversationSchema,
  messages: MessageSchema,
  evaluations: EvaluationSchema,
  benchmarks: BenchmarkSchema,
  benchmark_results: BenchmarkResultSchema,
} as const;

const SINGULAR: Record<RecordKind, string> = {
  models: 'model',
  conversations: 'conversation',
  messages: 'message',
  evaluations: 'evaluation',
  benchmarks: 'benchmark',
  benchmark_results: 'benchmark result',
};

/**
 * Completes a record (an id made client-side so that a retried batch is an idempotent upsert; created_at
 * stamped now so that a re-send keeps the event's time), optionally validates it, and encodes it.
 */
export function prepareRecord(
  kind: RecordKind,
  input: object,
  validate: boolean,
): { id: string; record: QueuedRecord } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InvalidRecordError(SINGULAR[kind], [{ path: '', message: 'must be an object' }]);
  }
  let value: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (kind !== 'models' && kind !== 'benchmarks') {
    if (value.id === undefined || value.id === null) value.id = randomUUID();
    if (value.created_at === undefined) value.created_at = new Date().toISOString();
  }
  if (validate) {
    const parsed = SCHEMAS[kind].safeParse(value);
    if (!parsed.success) throw new InvalidRecordError(SINGULAR[kind], toIssues(parsed.error));
    value = parsed.data as Record<string, unknown>;
  }
  const id = kind === 'models' ? value.model_id : value.id;
  if (typeof id !== 'string' || id === '') {
    throw new InvalidRecordError(SINGULAR[kind], [
      { path: kind === 'models' ? 'model_id' : 'id', message: 'must be a non-empty string' },
    ]);
  }
  const json = JSON.stringify(value);
  return { id, record: { kind, json, bytes: Buffer.byteLength(json) } };
}
