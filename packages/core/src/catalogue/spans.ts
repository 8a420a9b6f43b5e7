// Owns the `spans` table: OpenTelemetry spans (POST /v1/traces), one row per (workspace, trace, span).
import type { TableDef } from './TableDef.ts';

// No `traces` table: a trace's spans arrive over many requests, in any order, and re-sent; a per-trace row
// would make every commit read-modify-write it (and serialise commits of one trace). A trace is its spans:
// the list is the root spans by time (spans_time), a trace's detail its key prefix (spans_pk).
export const spans = {
  name: 'spans',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'trace_id', 'span_id'], index: 'spans_pk', unique: true },
  indexes: {
    spans_time: { columns: ['workspace_id', 'start_time'] },
    spans_conversation: { columns: ['workspace_id', 'conversation_id'] },
  },
  columns: {
    workspace_id: { type: 'text', ingest: false },
    /** Lowercase hex: 32 digits. */
    trace_id: { type: 'text' },
    /** Lowercase hex: 16 digits. */
    span_id: { type: 'text' },
    parent_span_id: { type: 'text', nullable: true },
    trace_state: { type: 'text', nullable: true },
    name: { type: 'text' },
    /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    kind: { type: 'integer' },
    /** Microsecond precision (the row carries fractional milliseconds). */
    start_time: { type: 'timestamp' },
    end_time: { type: 'timestamp' },
    duration_ms: { type: 'double' },
    /** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
    status_code: { type: 'integer' },
    status_message: { type: 'text', nullable: true },
    /** Attributes as a plain JSON object (every attribute kept, understood or not). */
    attributes: { type: 'json' },
    resource_attributes: { type: 'json' },
    /** [{time_unix_nano, name, attributes}] */
    events: { type: 'json', nullable: true },
    /** [{trace_id, span_id, trace_state, attributes}] */
    links: { type: 'json', nullable: true },
    /** The resource's `service.name`. */
    service_name: { type: 'text', nullable: true },
    scope_name: { type: 'text', nullable: true },
    scope_version: { type: 'text', nullable: true },
    // What the GenAI mapping (server ingest/otlp/genai/) read off the span; null on spans it does not know.
    /** 'llm' (an LLM call, also written as an assistant message) or 'tool' (a tool execution). */
    span_type: { type: 'text', nullable: true },
    /** The response model, else the request model. */
    model_id: { type: 'text', nullable: true },
    provider: { type: 'text', nullable: true },
    input_tokens: { type: 'integer', nullable: true },
    output_tokens: { type: 'integer', nullable: true },
    /** The conversation its message belongs to (conversation, session or trace id); llm spans only. */
    conversation_id: { type: 'text', nullable: true },
    /** The tool's name; tool spans only. */
    tool_name: { type: 'text', nullable: true },
  },
} as const satisfies TableDef;
