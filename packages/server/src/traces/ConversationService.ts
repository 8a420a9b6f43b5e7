// Owns GET /api/conversations/:id: the conversation, its messages in order with their cost (the analytics'
// price book) and evaluations, and the traces its messages came from (OTel spans, or metadata naming one).
import type { ConversationMessage, ConversationReply } from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import type { PricedListing } from './PricedListing.ts';
import { findConversation } from './queries/findConversation.ts';
import { type EvaluationRecord, listConversationEvaluations } from './queries/listConversationEvaluations.ts';
import { listConversationMessages, type MessageRecord } from './queries/listConversationMessages.ts';

/** Messages one reply carries at most (the earliest). */
export const MAX_CONVERSATION_MESSAGES = 10_000;
const MAX_ID = 256;

const parsed = (v: unknown): unknown => {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
};
const idText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class ConversationService {
  constructor(
    private readonly store: Store,
    private readonly priced: PricedListing,
  ) {}

  async get(workspaceId: string, id: string): Promise<ConversationReply> {
    if (id.length === 0 || id.length > MAX_ID)
      throw new ApiError(400, 'invalid_conversation_id', `a conversation id is 1–${MAX_ID} characters`);
    const scope = this.store.factScope(workspaceId);
    const [conversation, messages, evaluations] = await Promise.all([
      findConversation(this.store, workspaceId, id),
      this.priced.run(workspaceId, (pricing) =>
        listConversationMessages(this.store, scope, id, MAX_CONVERSATION_MESSAGES, pricing),
      ),
      listConversationEvaluations(this.store, scope, id),
    ]);
    if (!conversation && messages.length === 0)
      throw new ApiError(404, 'not_found', 'no such conversation in this workspace');
    const byMessage = new Map<string, EvaluationRecord[]>();
    for (const e of evaluations) byMessage.set(e.message_id, [...(byMessage.get(e.message_id) ?? []), e]);
    const thread = messages.map((m) => toMessage(m, byMessage.get(m.id) ?? []));
    const traceIds: string[] = [];
    for (let i = thread.length - 1; i >= 0; i--) {
      const t = thread[i].trace_id;
      if (t !== null && !traceIds.includes(t)) traceIds.push(t);
    }
    return {
      success: true,
      data: {
        conversation: {
          id,
          user_id: conversation?.user_id ?? null,
          session_id: conversation?.session_id ?? null,
          experiment_name: conversation?.experiment_name ?? null,
          is_widget_session: conversation?.is_widget_session ?? null,
          created_at: conversation?.created_at ?? null,
        },
        messages: thread,
        trace_ids: traceIds,
      },
    };
  }
}

function toMessage(m: MessageRecord, evaluations: EvaluationRecord[]): ConversationMessage {
  const meta = parsed(m.metadata);
  const link =
    meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};
  const tools = parsed(m.tools_called);
  const hasTokens = m.input_tokens !== null || m.output_tokens !== null;
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    created_at: m.created_at,
    model_id: m.model_id,
    provider: m.provider,
    input_tokens: num(m.input_tokens),
    output_tokens: num(m.output_tokens),
    latency_ms: num(m.latency_ms),
    // Unpriced (tokens no layer prices) and token-less messages have no cost rather than a 0.
    cost_usd: hasTokens && !(Number(m.unpriced ?? 0) > 0) ? Number(m.cost ?? 0) : null,
    error_type: m.error_type,
    tools_called: Array.isArray(tools) ? tools : null,
    trace_id: idText(link.trace_id),
    span_id: idText(link.span_id),
    evaluations: evaluations.map((e) => ({
      id: e.id,
      rating: num(e.rating),
      success: e.success,
      failure_tags: e.failure_tags ?? [],
      evaluator_id: e.evaluator_id,
      created_at: e.created_at,
    })),
  };
}
