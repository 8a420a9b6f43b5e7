// Owns the wire shapes of the traces API: the seed's GET/POST /api/analytics/traces, GET /api/traces/:traceId
// (a trace's span tree) and GET /api/conversations/:id (a conversation's thread with its trace links).
import { z } from 'zod';

const json = z.record(z.string(), z.unknown());

/** One trace as the list shows it: its root span (the earliest span without a parent) and sums over its spans. */
export const TraceSummarySchema = z.strictObject({
  trace_id: z.string(),
  /** The root span's name; null while only child spans have arrived. */
  name: z.string().nullable(),
  service_name: z.string().nullable(),
  /** ISO; the earliest span start, and the latest span end. */
  start_time: z.string(),
  end_time: z.string(),
  duration_ms: z.number(),
  span_count: z.number().int(),
  error_count: z.number().int(),
  /** 'error' when any span has status ERROR, 'ok' when the root says OK, else 'unset'. */
  status: z.enum(['ok', 'error', 'unset']),
  /** The models of its LLM spans. */
  models: z.array(z.string()),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  /** USD from the workspace's price book; null when an LLM span's model has no price. */
  cost_usd: z.number().nullable(),
  /** The conversation its LLM spans were written to (the first one, when several). */
  conversation_id: z.string().nullable(),
});

/** GET /api/analytics/traces: newest first; `next_cursor` fetches the next page (null on the last). */
export const TraceListReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ traces: z.array(TraceSummarySchema), next_cursor: z.string().nullable() }),
});

export const SpanSchema = z.strictObject({
  trace_id: z.string(),
  span_id: z.string(),
  parent_span_id: z.string().nullable(),
  name: z.string(),
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: z.number().int(),
  start_time: z.string(),
  end_time: z.string(),
  duration_ms: z.number(),
  /** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
  status_code: z.number().int(),
  status_message: z.string().nullable(),
  attributes: json,
  resource_attributes: json,
  events: z.array(json),
  links: z.array(json),
  service_name: z.string().nullable(),
  scope_name: z.string().nullable(),
  /** What the GenAI mapping read off the span (null on spans it does not know). */
  span_type: z.enum(['llm', 'tool']).nullable(),
  model_id: z.string().nullable(),
  provider: z.string().nullable(),
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  conversation_id: z.string().nullable(),
  tool_name: z.string().nullable(),
  /** The assistant message an LLM span was written as; null otherwise. */
  message_id: z.string().nullable(),
});

/** GET /api/traces/:traceId: every span, ordered by start time (the client builds the tree by parent id). */
export const TraceDetailReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ summary: TraceSummarySchema, spans: z.array(SpanSchema) }),
});

/** The seed's POST /api/analytics/traces body: one span of the same tables as OTLP's. */
export const SeedTraceBodySchema = z.strictObject({
  /** Any string; one that is not 32 hex digits is hashed to one (and kept as attribute `seed.trace_id`). */
  trace_id: z.string().min(1).max(512),
  span_name: z.string().min(1).max(1024),
  duration_ms: z.number().nonnegative().finite(),
  model_name: z.string().max(512).optional(),
  operation_type: z.string().min(1).max(256),
  /** The parent span's trace id, as the seed named it: the span becomes a child of that trace's root. */
  parent_trace_id: z.string().min(1).max(512).optional(),
  metadata: json.optional(),
  /** Extensions: when the span started (default: now minus duration) and its own id (default: random). */
  start_time: z.string().optional(),
  span_id: z.string().optional(),
});

export const SeedTraceReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({ trace_id: z.string(), span_id: z.string() }),
});

export const ConversationEvaluationSchema = z.strictObject({
  id: z.string(),
  rating: z.number().nullable(),
  success: z.boolean().nullable(),
  failure_tags: z.array(z.string()),
  evaluator_id: z.string().nullable(),
  created_at: z.string(),
});

export const ConversationMessageSchema = z.strictObject({
  id: z.string(),
  role: z.string(),
  content: z.string().nullable(),
  created_at: z.string(),
  model_id: z.string().nullable(),
  provider: z.string().nullable(),
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  latency_ms: z.number().nullable(),
  cost_usd: z.number().nullable(),
  error_type: z.string().nullable(),
  tools_called: z.array(z.unknown()).nullable(),
  /** The span the message came from (OTel) or names in its metadata (`trace_id`, `span_id`). */
  trace_id: z.string().nullable(),
  span_id: z.string().nullable(),
  evaluations: z.array(ConversationEvaluationSchema),
});

/** GET /api/conversations/:id: 404 `not_found` when the workspace has no such conversation. */
export const ConversationReplySchema = z.strictObject({
  success: z.literal(true),
  data: z.strictObject({
    conversation: z.strictObject({
      id: z.string(),
      user_id: z.string().nullable(),
      session_id: z.string().nullable(),
      experiment_name: z.string().nullable(),
      is_widget_session: z.boolean().nullable(),
      /** Null when only messages (e.g. from spans) name it. */
      created_at: z.string().nullable(),
    }),
    messages: z.array(ConversationMessageSchema),
    /** The traces its messages came from, newest first. */
    trace_ids: z.array(z.string()),
  }),
});

export type TraceSummary = z.output<typeof TraceSummarySchema>;
export type TraceListReply = z.output<typeof TraceListReplySchema>;
export type Span = z.output<typeof SpanSchema>;
export type TraceDetailReply = z.output<typeof TraceDetailReplySchema>;
export type SeedTraceBody = z.output<typeof SeedTraceBodySchema>;
export type SeedTraceReply = z.output<typeof SeedTraceReplySchema>;
export type ConversationMessage = z.output<typeof ConversationMessageSchema>;
export type ConversationReply = z.output<typeof ConversationReplySchema>;
