// Owns write-time message context: which parent attributes each child row carries (conversation attributes on
// messages; the message's context on evaluations and tool calls) and filling them in for one commit.
import { groupByWorkspace } from './groupByWorkspace.ts';
import { idKey } from './idKey.ts';
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

/** SQL type of a context column (the same names on DuckDB and PostgreSQL). */
export function contextColumnType(c: MessageContextColumn): 'TIMESTAMP' | 'BOOLEAN' | 'INTEGER' | 'VARCHAR' {
  if (c === 'created_at') return 'TIMESTAMP';
  if (c === 'is_widget_session') return 'BOOLEAN';
  return c.endsWith('_code') ? 'INTEGER' : 'VARCHAR';
}

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

/** The conversation attributes of `c` (a conversation row, or attributes read back), nulls when absent. */
export function conversationAttrs(c: Partial<ConversationAttrs> | undefined): ConversationAttrs {
  const out: Record<string, unknown> = {};
  for (const col of CONVERSATION_CONTEXT) out[col] = c?.[col] ?? null;
  return out as unknown as ConversationAttrs;
}

const PREFIXED = MESSAGE_CONTEXT.map((c) => `m_${c}`);
/** The attributes of a conversation that has not arrived: all null. */
const NO_CONVERSATION = Object.freeze(conversationAttrs(undefined));

/** `m_`-prefixed context of message `m`; all null while the message has not arrived. */
export function prefixedContext(m: MessageContext | undefined): PrefixedContext {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < MESSAGE_CONTEXT.length; i++) out[PREFIXED[i]] = m?.[MESSAGE_CONTEXT[i]] ?? null;
  return out as unknown as PrefixedContext;
}

/**
 * Fills the context columns of one (deduplicated) commit in place: from parents in the same commit first,
 * then from stored parents the hints say may exist. A parent that has not arrived leaves nulls, which the
 * writer repairs when it does arrive (see contextSql.ts).
 */
export async function enrichRows(
  rows: CodedRowSet,
  source: ContextSource,
  hints: StoredHints,
): Promise<EnrichedRowSet> {
  // By workspace, then id: ids parsed from a request body hash once, where a joined key is a new string each time.
  const convs = new Map<string, Map<string, ConversationAttrs>>();
  const inWorkspace = (ws: string) => {
    const m = convs.get(ws) ?? new Map<string, ConversationAttrs>();
    convs.set(ws, m);
    return m;
  };
  for (const c of rows.conversations) inWorkspace(c.workspace_id).set(c.id, conversationAttrs(c));
  const convWanted = groupByWorkspace(
    rows.messages
      .filter(
        (m) =>
          !convs.get(m.workspace_id)?.has(m.conversation_id) &&
          hints.conversation(m.workspace_id, m.conversation_id),
      )
      .map((m) => [m.workspace_id, m.conversation_id] as const),
  );
  for (const [ws, ids] of convWanted) {
    const known = inWorkspace(ws);
    for (const [id, attrs] of await source.conversations(ws, [...new Set(ids)])) known.set(id, attrs);
  }
  const messages = rows.messages as EnrichedMessageRow[];
  for (const m of messages)
    Object.assign(m, convs.get(m.workspace_id)?.get(m.conversation_id) ?? NO_CONVERSATION);
  const contexts = new Map<string, MessageContext>();
  if (rows.evaluations.length) for (const m of messages) contexts.set(idKey(m.workspace_id, m.id), m);
  const msgWanted = groupByWorkspace(
    rows.evaluations
      .filter(
        (e) =>
          !contexts.has(idKey(e.workspace_id, e.message_id)) && hints.message(e.workspace_id, e.message_id),
      )
      .map((e) => [e.workspace_id, e.message_id] as const),
  );
  for (const [ws, ids] of msgWanted) {
    for (const [id, ctx] of await source.messages(ws, ids)) contexts.set(idKey(ws, id), ctx);
  }
  const evaluations = rows.evaluations as EnrichedEvaluationRow[];
  for (const e of evaluations)
    Object.assign(e, prefixedContext(contexts.get(idKey(e.workspace_id, e.message_id))));
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
  if (!m.tools?.length) return [];
  const ctx = prefixedContext(m);
  return m.tools.map((t) => ({
    workspace_id: m.workspace_id,
    message_id: m.id,
    name: t.name,
    success: t.success ?? null,
    duration_ms: t.duration_ms ?? null,
    created_at: m.created_at,
    ...ctx,
  }));
}
