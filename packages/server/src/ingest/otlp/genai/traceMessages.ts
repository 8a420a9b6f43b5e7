// Owns turning one trace's stored spans into assistant messages: one per LLM call (wrappers skipped), with the
// tool spans that follow it as its tools_called. A pure function of the spans, so re-deriving changes nothing.
import { type ConversationInput, LIMITS, type MessageInput, type ToolCall } from '@llm-analytics/core';
import type { GenAiSpan } from './readGenAi.ts';

export interface TraceSpan {
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  status_code: number;
  genai: GenAiSpan | null;
}

export interface TraceMessages {
  messages: MessageInput[];
  /** The conversations the messages belong to, as they would be created (user, earliest call). */
  conversations: ConversationInput[];
}

const STATUS_ERROR = 2;
/** Clocks of one process: a tool may be stamped a little before the call whose answer asked for it ends. */
const CLOCK_SLACK_MS = 1;

/** The message id of an LLM span: derived, so a re-sent span rewrites the same message. */
export const messageIdOf = (traceId: string, spanId: string) => `${traceId}-${spanId}`;

export function traceMessages(traceId: string, spans: readonly TraceSpan[]): TraceMessages {
  const byId = new Map(spans.map((s) => [s.span_id, s]));
  const llm = spans.filter((s) => s.genai?.type === 'llm');
  // An LLM span with an LLM span below it wraps the real call (a framework's span around the provider's):
  // only the innermost is a message, so tokens and calls are counted once.
  const wrappers = new Set<string>();
  for (const s of llm)
    for (const a of ancestors(s, byId)) if (a.genai?.type === 'llm') wrappers.add(a.span_id);
  const calls = llm.filter((s) => !wrappers.has(s.span_id)).sort((x, y) => x.end_ms - y.end_ms);
  const callIds = new Set(calls.map((c) => c.span_id));
  const tools = new Map<string, TraceSpan[]>();
  const toolSpans = spans.filter((s) => s.genai?.type === 'tool').sort((x, y) => x.start_ms - y.start_ms);
  for (const t of toolSpans) {
    const owner = ancestors(t, byId).find((a) => callIds.has(a.span_id)) ?? lastCallBefore(calls, t.start_ms);
    if (!owner) continue;
    const list = tools.get(owner.span_id) ?? [];
    list.push(t);
    tools.set(owner.span_id, list);
  }
  const messages: MessageInput[] = [];
  const conversations = new Map<string, ConversationInput & { at: number }>();
  for (const c of calls) {
    const g = c.genai!;
    const conversationId = g.conversation_id ?? traceId;
    const called = (tools.get(c.span_id) ?? []).slice(0, LIMITS.toolsPerMessage).map(toolCall);
    messages.push({
      id: messageIdOf(traceId, c.span_id),
      conversation_id: conversationId,
      role: 'assistant',
      content: g.output,
      created_at: new Date(c.end_ms).toISOString(),
      model_id: g.model,
      provider: g.provider,
      input_tokens: g.input_tokens,
      output_tokens: g.output_tokens,
      latency_ms: Math.round(c.duration_ms),
      tools_called: called.length ? called : null,
      tool_success: called.length ? called.every((t) => t.success !== false) : null,
      error_type: g.error_type,
      metadata: { trace_id: traceId, span_id: c.span_id, source: 'otel', convention: g.convention },
    });
    const known = conversations.get(conversationId);
    if (!known || c.start_ms < known.at) {
      conversations.set(conversationId, {
        id: conversationId,
        user_id: g.user_id ?? known?.user_id ?? null,
        created_at: new Date(c.start_ms).toISOString(),
        at: c.start_ms,
      });
    } else if (!known.user_id && g.user_id) known.user_id = g.user_id;
  }
  return { messages, conversations: [...conversations.values()].map(({ at: _, ...c }) => c) };
}

/** The span's ancestors that have arrived, nearest first (stops at a missing parent or a cycle). */
function ancestors(s: TraceSpan, byId: Map<string, TraceSpan>): TraceSpan[] {
  const out: TraceSpan[] = [];
  const seen = new Set([s.span_id]);
  let p = s.parent_span_id ? byId.get(s.parent_span_id) : undefined;
  while (p && !seen.has(p.span_id)) {
    out.push(p);
    seen.add(p.span_id);
    p = p.parent_span_id ? byId.get(p.parent_span_id) : undefined;
  }
  return out;
}

/** The call that ended last before `at`: an agent runs the tools the previous answer asked for. */
function lastCallBefore(calls: readonly TraceSpan[], at: number): TraceSpan | undefined {
  let found: TraceSpan | undefined;
  for (const c of calls) if (c.end_ms <= at + CLOCK_SLACK_MS) found = c;
  return found;
}

function toolCall(t: TraceSpan): ToolCall {
  return {
    name: t.genai?.tool_name ?? (t.name.slice(0, LIMITS.idLength) || 'tool'),
    success: t.status_code !== STATUS_ERROR,
    duration_ms: Math.round(t.duration_ms),
  };
}
