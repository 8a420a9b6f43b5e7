// Owns reading the content and conversation of messages by id (the wide column, read after paging).
import { type DialectName, getDialect, sqlTimestamp } from '@llm-analytics/core';
import type { FactScope } from '../../store/FactScope.ts';
import type { Db } from '../../store/Store.ts';

interface MessageContent {
  id: string;
  content: string | null;
  conversation_id: string;
}

/** The page's message times bound the scan, so the engine reads only the blocks that can hold those messages. */
export async function findMessageContents(
  db: Db,
  dialect: DialectName,
  ws: FactScope,
  page: { message_id: string; created_at: string }[],
): Promise<Map<string, MessageContent>> {
  const ids = [...new Set(page.map((r) => r.message_id))];
  if (ids.length === 0) return new Map();
  const d = getDialect(dialect);
  const times = page.map((r) => Date.parse(r.created_at)).sort((a, b) => a - b);
  const [from, to] = [times[0], times[times.length - 1]].map((ms) => sqlTimestamp(new Date(ms)));
  const n = ids.length;
  const rows = await db.query<MessageContent & Record<string, unknown>>(
    `SELECT id, content, conversation_id FROM messages WHERE ${ws.column} = $1
       AND created_at >= ${d.timestamp(`$${n + 2}`)} AND created_at <= ${d.timestamp(`$${n + 3}`)}
       AND id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
    [ws.value, ...ids, from, to],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
