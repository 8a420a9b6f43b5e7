// Owns the fast path of ingest validation: IngestBatchSchema's acceptance rules written out by hand, so a valid batch skips zod.
import {
  BATCH_LISTS,
  BenchmarkResultSchema,
  BenchmarkSchema,
  ConversationSchema,
  EvaluationSchema,
  type IngestBatch,
  LIMITS,
  MessageSchema,
  ModelSchema,
  ROLES,
  type ToolCall,
  ToolCallSchema,
  TRAINING_METHODS,
} from './ingest.ts';
import { isIsoDateTime } from './isIsoDateTime.ts';
import { jsonValueProblem } from './jsonValueProblem.ts';
import { isStorableText } from './storableText.ts';

type Rec = Record<string, unknown>;

/** A record's allowed keys are its schema's: the schemas are the one list of each entity's fields. */
const keysOf = (schema: { shape: object }): ReadonlySet<string> => new Set(Object.keys(schema.shape));
const MODEL_KEYS = keysOf(ModelSchema);
const CONVERSATION_KEYS = keysOf(ConversationSchema);
const MESSAGE_KEYS = keysOf(MessageSchema);
const EVALUATION_KEYS = keysOf(EvaluationSchema);
const BENCHMARK_KEYS = keysOf(BenchmarkSchema);
const BENCHMARK_RESULT_KEYS = keysOf(BenchmarkResultSchema);
const LIST_SET: ReadonlySet<string> = new Set(BATCH_LISTS);
/** Tool calls are re-serialised as JSON text, so they must come out in zod's (schema) key order. */
const TOOL_KEY_RANK: ReadonlyMap<string, number> = new Map(
  Object.keys(ToolCallSchema.shape).map((k, i) => [k, i]),
);
// The value checks below stay written out, inline, for the ingest hot path; a field added to a
// schema without its check here fails ingestFields.test.ts, which corrupts every field in turn.

const ROLE_SET: ReadonlySet<unknown> = new Set(ROLES);
const METHOD_SET: ReadonlySet<unknown> = new Set(TRAINING_METHODS);
const MAX_COUNT = 2_147_483_647;

/** Only plain-prototype objects: every other kind goes to zod rather than being reasoned about here. */
function isPlain(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** Storable, and within `max`: zod 4 measures string bounds in code points, counting only when the UTF-16
 *  length is in doubt. */
function fits(s: string, max: number): boolean {
  if (!isStorableText(s)) return false;
  const units = s.length;
  if (units <= max) return true;
  if (units > 2 * max) return false;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count <= max;
}

const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && fits(v, LIMITS.idLength);
const optLabel = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && fits(v, LIMITS.idLength));
const optBool = (v: unknown): boolean => v === undefined || v === null || typeof v === 'boolean';
// `(v | 0) === v` is "integer in int32" (NaN, ±Infinity and fractions fail it); -0 passes, as in zod.
const optCount = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'number' && (v | 0) === v && v >= 0 && v <= MAX_COUNT);
// Timestamps are `.optional()`, not `.nullish()`: null is invalid.
const optTimestamp = (v: unknown): boolean => v === undefined || (typeof v === 'string' && isIsoDateTime(v));

/** Within the depth and size caps, all text storable (the schema's own rule, so the two cannot drift). */
const jsonFits = (v: unknown): boolean => jsonValueProblem(v) === undefined;

/** `z.record(z.string(), z.unknown())` + size cap, nullish. zod rebuilds the record dropping an own
 *  `__proto__` and rejecting symbol keys, so those go to zod; otherwise its output equals the input. */
function optMetadata(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (!isPlain(v)) return false;
  const ctor = v.constructor;
  if (ctor !== Object && typeof ctor === 'function') return false;
  if (Object.hasOwn(v, '__proto__') || Object.getOwnPropertySymbols(v).length > 0) return false;
  return jsonFits(v);
}

/** Every enumerable key (own or inherited, as zod's strict check sees them) is one the schema declares. */
function onlyKeys(o: Rec, keys: ReadonlySet<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
}

function isModel(v: unknown): boolean {
  if (!isPlain(v)) return false;
  return (
    isId(v.model_id) &&
    optLabel(v.name) &&
    optLabel(v.provider) &&
    (v.training_method === undefined || v.training_method === null || METHOD_SET.has(v.training_method)) &&
    optLabel(v.base_model) &&
    (v.training_dataset === undefined || jsonFits(v.training_dataset)) &&
    (v.evaluation_metrics === undefined || jsonFits(v.evaluation_metrics)) &&
    optMetadata(v.metadata) &&
    onlyKeys(v, MODEL_KEYS)
  );
}

function isConversation(v: unknown): boolean {
  if (!isPlain(v)) return false;
  return (
    isId(v.id) &&
    optLabel(v.user_id) &&
    optLabel(v.session_id) &&
    optLabel(v.experiment_name) &&
    optBool(v.is_widget_session) &&
    optTimestamp(v.created_at) &&
    onlyKeys(v, CONVERSATION_KEYS)
  );
}

function isEvaluation(v: unknown): boolean {
  if (!isPlain(v)) return false;
  const rating = v.rating;
  const tags = v.failure_tags;
  if (
    !(
      isId(v.id) &&
      isId(v.message_id) &&
      optLabel(v.evaluator_id) &&
      (rating === undefined ||
        rating === null ||
        (typeof rating === 'number' && (rating | 0) === rating && rating >= 1 && rating <= 5)) &&
      optBool(v.success) &&
      optTimestamp(v.created_at) &&
      onlyKeys(v, EVALUATION_KEYS)
    )
  )
    return false;
  if (tags === undefined || tags === null) return true;
  if (!Array.isArray(tags) || tags.length > LIMITS.failureTags) return false;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (typeof t !== 'string' || t.length === 0 || !fits(t, LIMITS.tagLength)) return false;
  }
  return true;
}

const optText = (v: unknown, max: number): boolean =>
  v === undefined || v === null || (typeof v === 'string' && fits(v, max));

function isBenchmark(v: unknown): boolean {
  if (!isPlain(v)) return false;
  return (
    isId(v.id) &&
    optLabel(v.name) &&
    optText(v.description, LIMITS.contentChars) &&
    optLabel(v.task_type) &&
    optLabel(v.dataset) &&
    optLabel(v.metric) &&
    onlyKeys(v, BENCHMARK_KEYS)
  );
}

function isBenchmarkResult(v: unknown): boolean {
  if (!isPlain(v)) return false;
  const score = v.score;
  return (
    isId(v.id) &&
    isId(v.benchmark_id) &&
    isId(v.run_id) &&
    isId(v.model_id) &&
    isId(v.item_id) &&
    optBool(v.passed) &&
    (score === undefined || score === null || (typeof score === 'number' && Number.isFinite(score))) &&
    optLabel(v.judge) &&
    optText(v.judgment, LIMITS.contentChars) &&
    optTimestamp(v.created_at) &&
    onlyKeys(v, BENCHMARK_RESULT_KEYS)
  );
}

/** Every record of an optional list passes `check`. */
function allValid(list: unknown[] | undefined, check: (v: unknown) => boolean): boolean {
  if (list) for (let i = 0; i < list.length; i++) if (!check(list[i])) return false;
  return true;
}

const INVALID = 0;
const SAME = 1;

/** INVALID, SAME (the input is zod's output as is), or a copy whose tool calls are in zod's key order. */
function checkMessage(v: unknown): typeof INVALID | typeof SAME | Rec {
  if (!isPlain(v)) return INVALID;
  if (
    !(
      isId(v.id) &&
      isId(v.conversation_id) &&
      ROLE_SET.has(v.role) &&
      (v.content === undefined ||
        v.content === null ||
        (typeof v.content === 'string' && fits(v.content, LIMITS.contentChars))) &&
      optTimestamp(v.created_at) &&
      optLabel(v.model_id) &&
      optLabel(v.provider) &&
      optCount(v.input_tokens) &&
      optCount(v.output_tokens) &&
      optCount(v.latency_ms) &&
      optBool(v.tool_success) &&
      optLabel(v.error_type) &&
      optMetadata(v.metadata) &&
      onlyKeys(v, MESSAGE_KEYS)
    )
  )
    return INVALID;
  const tools = v.tools_called;
  if (tools === undefined || tools === null) return SAME;
  if (!Array.isArray(tools) || tools.length > LIMITS.toolsPerMessage) return INVALID;
  let reordered: ToolCall[] | undefined;
  for (let i = 0; i < tools.length; i++) {
    const t: unknown = tools[i];
    if (!isPlain(t) || !isId(t.name) || !optBool(t.success) || !optCount(t.duration_ms)) return INVALID;
    let rank = -1;
    let inOrder = true;
    for (const k in t) {
      const r = TOOL_KEY_RANK.get(k);
      if (r === undefined) return INVALID;
      if (r < rank) inOrder = false;
      rank = r;
    }
    if (!inOrder && !reordered) reordered = tools.slice(0, i) as ToolCall[];
    if (reordered) {
      const call: ToolCall = { name: t.name as string };
      if ('success' in t) call.success = t.success as ToolCall['success'];
      if ('duration_ms' in t) call.duration_ms = t.duration_ms as ToolCall['duration_ms'];
      reordered.push(call);
    }
  }
  return reordered ? { ...v, tools_called: reordered } : SAME;
}

/** The messages as zod outputs them, or null when one is invalid. */
function checkMessages(messages: unknown[]): unknown[] | null {
  let out = messages;
  for (let i = 0; i < messages.length; i++) {
    const r = checkMessage(messages[i]);
    if (r === INVALID) return null;
    if (r !== SAME) {
      // Copy on first change: the caller's array stays as it was, for zod or anyone else.
      if (out === messages) out = messages.slice();
      out[i] = r;
    }
  }
  return out;
}

/**
 * Validates an ingest batch with exactly IngestBatchSchema's rules and returns what
 * `IngestBatchSchema.safeParse(body).data` would hold (deep-equal; records, arrays and JSON values are the
 * input's own objects, not copies), or `undefined` when the body is invalid *or* unusual enough that only
 * zod should judge it (non-plain prototypes, an own `__proto__` or symbol keys in metadata). On `undefined`
 * run the zod schema: it gives the issues, or the data if valid.
 * Exact for data as JSON.parse builds it, plus `undefined` values; accessors, non-enumerable properties
 * and symbol keys on records are outside the contract (JSON.parse makes none; the server parses all bodies).
 */
export function validateBatchFast(body: unknown): IngestBatch | undefined {
  if (!isPlain(body)) return undefined;
  for (const k in body) if (!LIST_SET.has(k)) return undefined;
  const { models, conversations, messages, evaluations, benchmarks, benchmark_results } = body;
  let items = 0;
  for (const k of BATCH_LISTS) {
    const list = body[k];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return undefined;
    items += list.length;
  }
  if (items > LIMITS.itemsPerBatch) return undefined;

  if (!allValid(models as unknown[] | undefined, isModel)) return undefined;
  if (!allValid(conversations as unknown[] | undefined, isConversation)) return undefined;
  if (!allValid(evaluations as unknown[] | undefined, isEvaluation)) return undefined;
  if (!allValid(benchmarks as unknown[] | undefined, isBenchmark)) return undefined;
  if (!allValid(benchmark_results as unknown[] | undefined, isBenchmarkResult)) return undefined;
  const outMessages = messages && checkMessages(messages as unknown[]);
  if (outMessages === null) return undefined;

  // zod keeps a key that is present with an undefined value, and omits an absent one.
  const out: IngestBatch = {};
  if ('models' in body) out.models = models as IngestBatch['models'];
  if ('conversations' in body) out.conversations = conversations as IngestBatch['conversations'];
  if ('messages' in body) out.messages = outMessages as IngestBatch['messages'];
  if ('evaluations' in body) out.evaluations = evaluations as IngestBatch['evaluations'];
  if ('benchmarks' in body) out.benchmarks = benchmarks as IngestBatch['benchmarks'];
  if ('benchmark_results' in body)
    out.benchmark_results = benchmark_results as IngestBatch['benchmark_results'];
  return out;
}
