// Owns the one priced statement behind every trace summary: the given traces' spans grouped per trace,
// service, model, provider, conversation and (for parentless spans) the span itself, with counts, extent and
// tokens, the tokens priced by the registry's cost partials (core's pricedGroupsSql) as analytics price messages.
import { getDialect, type PricingContext, pricedGroupsSql, tokenPartialsSql } from '@llm-analytics/core';
import { epochMsSql } from '../../store/epochMsSql.ts';
import type { Db, SqlValue } from '../../store/Store.ts';

/**
 * One group. Each parentless span is a group of its own (`root_id` and its name and status set), so the
 * trace's root is its earliest such group; the earliest group with a conversation names the conversation.
 */
export interface TraceGroupRow {
  trace_id: string;
  service_name: string | null;
  conversation_id: string | null;
  root_id: string | null;
  root_name: string | null;
  root_status: number | null;
  /** Epoch ms with the microseconds kept (ISO text would drop them). */
  start_ms: number;
  end_ms: number;
  /** ISO, for the reply. */
  start_time: string;
  end_time: string;
  pm: string | null;
  pp: string | null;
  span_count: number;
  error_count: number;
  in_tok: number | null;
  out_tok: number | null;
  tok_msgs: number;
  cost: number | null;
  unpriced: number | null;
}

const epochMs = epochMsSql;

export async function summarizeTraceSpans(
  db: Db,
  workspaceId: string,
  traceIds: string[],
  pricing: Omit<PricingContext, 'param'>,
): Promise<TraceGroupRow[]> {
  if (traceIds.length === 0) return [];
  // One trace (a detail page): an equality the scan settles itself, cheaper than any list.
  const one = traceIds.length === 1;
  const values: SqlValue[] = [workspaceId, one ? traceIds[0] : traceIds];
  const ctx: PricingContext = {
    ...pricing,
    param: (v) => {
      values.push(v);
      return `$${values.length}`;
    },
  };
  const d = getDialect(pricing.dialect);
  const ifRoot = (col: string) => `CASE WHEN b.parent_span_id IS NULL THEN ${col} END`;
  const keys = ['trace_id', 'service_name', 'conversation_id', 'root_id', 'root_name', 'root_status'];
  const keep = [...keys, 'start_time', 'end_time', 'start_ms', 'end_ms', 'span_count', 'error_count'];
  const groups = `SELECT b.trace_id, b.service_name, b.conversation_id, ${ifRoot('b.span_id')} AS root_id,
      ${ifRoot('b.name')} AS root_name, ${ifRoot('b.status_code')} AS root_status,
      min(b.start_time) AS start_time, max(b.end_time) AS end_time,
      ${epochMs('min(b.start_time)', d.double)} AS start_ms, ${epochMs('max(b.end_time)', d.double)} AS end_ms,
      b.model_id AS pm, b.provider AS pp, count(*) AS span_count, ${d.countIf('b.status_code = 2')} AS error_count,
      ${tokenPartialsSql(ctx).join(', ')}
    FROM spans b
    WHERE ${one ? 'b.workspace_id = $1 AND b.trace_id = $2' : d.keyIn('spans', 'b', (a) => `${a}.workspace_id = $1`, 'trace_id', '$2')}
    GROUP BY 1, 2, 3, 4, 5, 6, 11, 12`;
  return db.query<TraceGroupRow & Record<string, unknown>>(pricedGroupsSql(groups, keep, ctx), values);
}
