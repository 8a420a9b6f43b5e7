// Owns write-time message context: which parent attributes each child row carries (conversation attributes on
// messages; the message's context on evaluations and tool calls) and filling them in for one commit.
import {
  CATALOGUE,
  CONVERSATION_CONTEXT,
  type CodesOf,
  type ConversationContext,
  codedPairs,
  MESSAGE_CONTEXT,
  type MessageContext,
  type MessageContextColumn,
  type RowOf,
  type TABLES,
  type TableName,
} from '@llm-analytics/core';
import { groupByWorkspace } from './groupByWorkspace.ts';
import { idKey } from './idKey.ts';
import type { ConversationRow, EvaluationRow, MessageRow, ModelRow, RowSet } from './RowSet.ts';

// The carried columns are declared in the catalogue (`carried: true`); re-exported for the store's modules.
export { CONVERSATION_CONTEXT, MESSAGE_CONTEXT, type MessageContext, type MessageContextColumn };

/** Tables with value-coded columns (valueCodes.ts). */
type CodedTable = {
  [K in TableName]: keyof CodesOf<(typeof TABLES)[K]> extends never ? never : K;
}[TableName];

/** Integer codes of grouped string attributes (see valueCodes.ts): `<code column>` holds the code of `<column>`. */
export const CODED = Object.fromEntries(
  CATALOGUE.filter((t) => codedPairs(t).length).map((t) => [t.name, Object.fromEntries(codedPairs(t))]),
) as Record<CodedTable, Readonly<Record<string, string>>>;

export type ConversationCodes = CodesOf<typeof TABLES.conversations>;
export type MessageCodes = CodesOf<typeof TABLES.messages>;
export type ConversationAttrs = ConversationContext;
/** `m_`-prefixed message context; all null while the message has not arrived. */
export type PrefixedContext = { [K in MessageContextColumn as `m_${K}`]: MessageContext[K] | null };

export type CodedConversationRow = ConversationRow & ConversationCodes;
export type CodedMessageRow = MessageRow & MessageCodes;
export type CodedModelRow = ModelRow & CodesOf<typeof TABLES.models>;
export type EnrichedMessageRow = CodedMessageRow & ConversationAttrs;
export type EnrichedEvaluationRow = EvaluationRow & PrefixedContext;
export type ToolCallRow = RowOf<typeof TABLES.tool_calls> & PrefixedContext;
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
export function toolCallRows(m: EnrichedMessageRow): ToolCallRow[] {
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
