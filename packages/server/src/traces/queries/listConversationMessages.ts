// Owns reading a conversation's messages in order with each one's cost: the messages priced one group per
// message by core's pricedGroupsSql (the registry's cost partials over the price book), joined back to them.
import { type PricingContext, pricedGroupsSql, tokenPartialsSql } from '@llm-analytics/core';
import type { FactScope } from '../../store/FactScope.ts';
import type { Db, SqlValue } from '../../store/Store.ts';

export interface MessageRecord {
  id: string;
  role: string;
  content: string | null;
  created_at: string;
  model_id: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  error_type: string | null;
  /** JSON: text on DuckDB, parsed on PostgreSQL. */
  tools_called: unknown;
  metadata: unknown;
  /** The priced group's model and provider (the message's own). */
  pm: string | null;
  pp: string | null;
  cost: number | null;
  unpriced: number | null;
}

/** The first `limit` messages by created_at (then id). */
export function listConversationMessages(
  db: Db,
  scope: FactScope,
  conversationId: string,
  limit: number,
  pricing: Omit<PricingContext, 'param'>,
): Promise<MessageRecord[]> {
  const values: SqlValue[] = [scope.value, conversationId];
  const ctx: PricingContext = {
    ...pricing,
    param: (v) => {
      values.push(v);
      return `$${values.length}`;
    },
  };
  const where = `b.${scope.column} = $1 AND b.conversation_id = $2`;
  const groups = `SELECT b.id, b.model_id AS pm, b.provider AS pp, ${tokenPartialsSql(ctx).join(', ')}
    FROM messages b WHERE ${where} GROUP BY b.id, b.model_id, b.provider`;
  const priced = pricedGroupsSql(groups, ['id'], ctx);
  return db.query<MessageRecord & Record<string, unknown>>(
    `SELECT b.id, b.role, b.content, b.created_at, b.model_id, b.provider, b.input_tokens, b.output_tokens,
       b.latency_ms, b.error_type, b.tools_called, b.metadata, c.pm, c.pp, c.cost, c.unpriced
     FROM messages b JOIN (${priced}) c ON c.id = b.id
     WHERE ${where}
     ORDER BY b.created_at, b.id
     LIMIT ${ctx.param(limit)}`,
    values,
  );
}
