// Owns write-time message context: which parent attributes each child row carries (conversation attributes on
// messages; the message's context on evaluations and tool calls) and filling them in for one commit.
import type { ConversationRow, EvaluationRow, MessageRow, ModelRow, RowSet } from './RowSet.ts';

/** Conversation attributes copied onto every message of the conversation. */
export const CONVERSATION_CONTEXT = [
  'user_id',
  'session_id',
  'experiment_name',
  'is_widget_session',
  'session_code',
  'experiment_code',
] as const;
/** Message attributes copied, as `m_<column>`, onto the message's evaluations and tool calls. */
export const MESSAGE_CONTEXT = [
  'created_at',
  'role',
  'model_id',
  'provider',
  'error_type',
  'conversation_id',
  'model_code',
  'provider_code',
  'error_code',
  ...CONVERSATION_CONTEXT,
] as const;
export type MessageContextColumn = (typeof MESSAGE_CONTEXT)[number];

/** Integer codes of grouped string attributes (see valueCodes.ts): `<code column>` holds the code of `<column>`. */
export const CODED = {
  conversations: { session_id: 'session_code', experiment_name: 'experiment_code' },
  messages: { model_id: 'model_code', provider: 'provider_code', error_type: 'error_code' },
  models: {
    model_id: 'model_code',
    training_method: 'training_method_code',
    base_model: 'base_model_code',
  },
} as const;

export interface ConversationCodes {
  session_code: number | null;
  experiment_code: number | null;
}
export interface MessageCodes {
  model_code: number | null;
  provider_code: number | null;
  error_code: number | null;
}
export type ConversationAttrs = Pick<
  ConversationRow,
  'user_id' | 'session_id' | 'experiment_name' | 'is_widget_session'
> &
  ConversationCodes;
export type MessageContext = Pick<
  MessageRow,
  'created_at' | 'role' | 'model_id' | 'provider' | 'error_type' | 'conversation_id'
> &
  MessageCodes &
  ConversationAttrs;
/** `m_`-prefixed message context; all null while the message has not arrived. */
export type PrefixedContext = { [K in MessageContextColumn as `m_${K}`]: MessageContext[K] | null };

export type CodedConversationRow = ConversationRow & ConversationCodes;
export type CodedMessageRow = MessageRow & MessageCodes;
export type CodedModelRow = ModelRow & {
  model_code: number | null;
  training_method_code: number | null;
  base_model_code: number | null;
};
export type EnrichedMessageRow = CodedMessageRow & ConversationAttrs;
export type EnrichedEvaluationRow = EvaluationRow & PrefixedContext;
export interface CodedRowSet extends RowSet {
  models: CodedModelRow[];
  conversations: CodedConversationRow[];
  messages: CodedMessageRow[];
}
export interface EnrichedRowSet extends CodedRowSet {
  messages: EnrichedMessageRow[];
  evaluations: EnrichedEvaluationRow[];
}

/** Reads stored parents the commit does not carry itself. Maps are keyed by id; absent ids are not stored. */
export interface ContextSource {
  conversations(workspaceId: string, ids: string[]): Promise<Map<string, ConversationAttrs>>;
  messages(workspaceId: string, ids: string[]): Promise<Map<string, MessageContext>>;
}

/** Cheap "may this id be stored?" answers (false must be certain), so most commits look nothing up. */
export interface StoredHints {
  conversation(workspaceId: string, id: string): boolean;
  message(workspaceId: string, id: string): boolean;
}

const NO_CONVERSATION: ConversationAttrs = {
  user_id: null,
  session_id: null,
  experiment_name: null,
  is_widget_session: null,
  session_code: null,
  experiment_code: null,
};
const key = (ws: string, id: string) => `${ws}\u0000${id}`;

export function conversationAttrs(c: ConversationAttrs): ConversationAttrs {
  return {
    user_id: c.user_id,
    session_id: c.session_id,
    experiment_name: c.experiment_name,
    is_widget_session: c.is_widget_session,
    session_code: c.session_code,
    experiment_code: c.experiment_code,
  };
}

export function prefixedContext(m: MessageContext | undefined): PrefixedContext {
  return {
    m_created_at: m?.created_at ?? null,
    m_role: m?.role ?? null,
    m_model_id: m?.model_id ?? null,
    m_provider: m?.provider ?? null,
    m_error_type: m?.error_type ?? null,
    m_conversation_id: m?.conversation_id ?? null,
    m_model_code: m?.model_code ?? null,
    m_provider_code: m?.provider_code ?? null,
    m_error_code: m?.error_code ?? null,
    m_user_id: m?.user_id ?? null,
    m_session_id: m?.session_id ?? null,
    m_experiment_name: m?.experiment_name ?? null,
    m_is_widget_session: m?.is_widget_session ?? null,
    m_session_code: m?.session_code ?? null,
    m_experiment_code: m?.experiment_code ?? null,
  };
}

/** Groups the (workspace, id) pairs that `want` selects by workspace, ids unique. */
function byWorkspace<R>(rows: R[], pick: (r: R) => [string, string] | null): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const p = pick(r);
    if (!p) continue;
    const set = out.get(p[0]) ?? new Set<string>();
    set.add(p[1]);
    out.set(p[0], set);
  }
  return new Map([...out].map(([ws, ids]) => [ws, [...ids]]));
}

/**
 * Fills the context columns of one (deduplicated) commit in place: from parents in the same commit first,
 * then from stored parents the hints say may exist. A parent that has not arrived leaves nulls, which the
 * writer repairs when it does arrive (see `repairTargets`).
 */
export async function enrichRows(
  rows: CodedRowSet,
  source: ContextSource,
  hints: StoredHints,
): Promise<EnrichedRowSet> {
  const convs = new Map<string, ConversationAttrs>();
  for (const c of rows.conversations) convs.set(key(c.workspace_id, c.id), conversationAttrs(c));
  const convWanted = byWorkspace(rows.messages, (m) =>
    !convs.has(key(m.workspace_id, m.conversation_id)) &&
    hints.conversation(m.workspace_id, m.conversation_id)
      ? [m.workspace_id, m.conversation_id]
      : null,
  );
  for (const [ws, ids] of convWanted) {
    for (const [id, attrs] of await source.conversations(ws, ids)) convs.set(key(ws, id), attrs);
  }
  const messages = rows.messages as EnrichedMessageRow[];
  const contexts = new Map<string, MessageContext>();
  for (const m of messages) {
    Object.assign(m, convs.get(key(m.workspace_id, m.conversation_id)) ?? NO_CONVERSATION);
    contexts.set(key(m.workspace_id, m.id), m);
  }
  const msgWanted = byWorkspace(rows.evaluations, (e) =>
    !contexts.has(key(e.workspace_id, e.message_id)) && hints.message(e.workspace_id, e.message_id)
      ? [e.workspace_id, e.message_id]
      : null,
  );
  for (const [ws, ids] of msgWanted) {
    for (const [id, ctx] of await source.messages(ws, ids)) contexts.set(key(ws, id), ctx);
  }
  const evaluations = rows.evaluations as EnrichedEvaluationRow[];
  for (const e of evaluations)
    Object.assign(e, prefixedContext(contexts.get(key(e.workspace_id, e.message_id))));
  return { ...rows, messages, evaluations };
}

/** A tool call row of `m`, carrying the message's context like an evaluation does. */
export function toolCallRows(m: EnrichedMessageRow): ({
  workspace_id: string;
  message_id: string;
  name: string;
  success: boolean | null;
  duration_ms: number | null;
  created_at: number;
} & PrefixedContext)[] {
  const ctx = prefixedContext(m);
  return (m.tools ?? []).map((t) => ({
    workspace_id: m.workspace_id,
    message_id: m.id,
    name: t.name,
    success: t.success ?? null,
    duration_ms: t.duration_ms ?? null,
    created_at: m.created_at,
    ...ctx,
  }));
}
