// Owns turning a stored span row (as the derivation reads it) back into what traceMessages needs.
import type { TraceSpanRow } from '../queries/listTraceSpans.ts';
import { readGenAi } from './readGenAi.ts';
import type { TraceSpan } from './traceMessages.ts';

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export function traceSpanOf(r: TraceSpanRow): TraceSpan {
  // Spans the mapping does not know come without times: the derivation only walks through them.
  const base = {
    span_id: r.span_id,
    parent_span_id: r.parent_span_id,
    name: r.name ?? '',
    start_ms: Number(r.start_ms ?? 0),
    end_ms: Number(r.end_ms ?? 0),
    duration_ms: Number(r.duration_ms ?? 0),
    status_code: Number(r.status_code),
  };
  if (r.span_type === 'llm') {
    const attrs = (parseJson(r.attributes) ?? {}) as Record<string, unknown>;
    const events = (parseJson(r.events) ?? []) as { name: string; attributes: Record<string, unknown> }[];
    return { ...base, genai: readGenAi(attrs, { status_code: base.status_code, events }) };
  }
  if (r.span_type === 'tool') {
    return { ...base, genai: toolReading(r.tool_name) };
  }
  return { ...base, genai: null };
}

/** A tool span needs only its name (a column) for the derivation. */
function toolReading(tool: string | null): TraceSpan['genai'] {
  return {
    type: 'tool',
    convention: 'gen_ai',
    model: null,
    provider: null,
    input_tokens: null,
    output_tokens: null,
    conversation_id: null,
    user_id: null,
    error_type: null,
    input: null,
    output: null,
    tool_name: tool,
  };
}
