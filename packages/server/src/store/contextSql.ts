// Owns the SQL that keeps carried message context right: parent lookups for a commit, and the repairs that
// run when a parent arrives after its children. One text for both engines ($1 workspace, $2 id list).
import {
  CONVERSATION_CONTEXT,
  type ContextSource,
  type ConversationAttrs,
  conversationAttrs,
  MESSAGE_CONTEXT,
  type MessageContext,
} from './messageContext.ts';

const IDS = 'IN (SELECT unnest($2::VARCHAR[]))';
const changed = (pairs: [string, string][]) =>
  `(${pairs.map(([a, b]) => `${a} IS DISTINCT FROM ${b}`).join(' OR ')})`;

/** Stored conversations' attributes, by id. */
const LOOKUP_CONVERSATIONS = `SELECT id, ${CONVERSATION_CONTEXT.join(', ')} FROM conversations
  WHERE workspace_id = $1 AND id ${IDS}`;

/** Stored messages' context, by id; `epochMs` turns the engine's timestamp into epoch milliseconds. */
const lookupMessagesSql = (epochMs: (col: string) => string) =>
  `SELECT id, ${MESSAGE_CONTEXT.map((c) => (c === 'created_at' ? `${epochMs(c)} AS created_at` : c)).join(', ')}
   FROM messages WHERE workspace_id = $1 AND id ${IDS}`;

/**
 * Parent lookups for a commit on one engine: `run` executes a statement with ($1 workspace, $2 ids) inside
 * the commit's transaction and returns plain rows; `epochMs` is the engine's timestamp → epoch ms.
 */
export function storedContext(
  run: (sql: string, params: [string, string[]]) => Promise<Record<string, unknown>[]>,
  epochMs: (col: string) => string,
): ContextSource {
  const messagesSql = lookupMessagesSql(epochMs);
  return {
    async conversations(ws, ids) {
      const rows = await run(LOOKUP_CONVERSATIONS, [ws, ids]);
      return new Map(rows.map((r) => [String(r.id), conversationAttrs(r as unknown as ConversationAttrs)]));
    },
    async messages(ws, ids) {
      const rows = await run(messagesSql, [ws, ids]);
      return new Map(
        rows.map((r) => [
          String(r.id),
          { ...(r as unknown as MessageContext), created_at: Number(r.created_at) },
        ]),
      );
    },
  };
}

/**
 * Conversations ($2) that arrived (or changed) after some of their messages: copy their attributes onto those
 * messages, then onto the evaluations and tool calls of the conversation. Unchanged rows are not rewritten.
 * DuckDB passes `parents`, its own predicate on the conversations `c` to repair (those a range of commits
 * wrote, by `conversations.commit_seq`), so no id list is bound.
 */
export function conversationRepairs(
  parents = `c.id ${IDS}`,
): { table: 'messages' | 'evaluations' | 'tool_calls'; sql: string }[] {
  return [
    {
      table: 'messages',
      sql: `UPDATE messages SET ${CONVERSATION_CONTEXT.map((c) => `${c} = c.${c}`).join(', ')}
   FROM conversations c
   WHERE c.workspace_id = $1 AND ${parents} AND messages.workspace_id = $1 AND messages.conversation_id = c.id
     AND ${changed(CONVERSATION_CONTEXT.map((col) => [`messages.${col}`, `c.${col}`]))}`,
    },
    ...(['evaluations', 'tool_calls'] as const).map((t) => ({
      table: t,
      sql: `UPDATE ${t} SET ${CONVERSATION_CONTEXT.map((c) => `m_${c} = c.${c}`).join(', ')}
   FROM conversations c
   WHERE c.workspace_id = $1 AND ${parents} AND ${t}.workspace_id = $1 AND ${t}.m_conversation_id = c.id
     AND ${changed(CONVERSATION_CONTEXT.map((col) => [`${t}.m_${col}`, `c.${col}`]))}`,
    })),
  ];
}

/** Messages ($2) that arrived (or changed) after evaluations of them: copy their context onto those. */
export const MESSAGE_REPAIR = `UPDATE evaluations SET ${MESSAGE_CONTEXT.map((c) => `m_${c} = m.${c}`).join(', ')}
  FROM messages m
  WHERE m.workspace_id = $1 AND m.id ${IDS} AND evaluations.workspace_id = $1 AND evaluations.message_id = m.id
    AND ${changed(MESSAGE_CONTEXT.map((col) => [`evaluations.m_${col}`, `m.${col}`]))}`;
