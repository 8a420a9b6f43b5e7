// Owns the one priced statement behind every trace summary: the given traces' spans grouped per (trace,
// model, provider), with the trace's root and first conversation picked by window functions and the tokens
// priced by the registry's cost partials (core's pricedGroupsSql), as the analytics price messages.
import { getDialect, type PricingContext, pricedGroupsSql, tokenPartialsSql } from '@llm-analytics/core';
import type { Db, SqlValue } from '../../store/Store.ts';

/** One (trace, model, provider) group; the trace-level columns repeat on each of its groups. */
export interface TraceGroupRow {
  trace_id: string;
  /** The root: the earliest span without a parent (null columns when none has arrived). */
  root_span_id: string | null;
  root_name: string | null;
  root_service: string | null;
  root_status: number | null;
  /** The earliest span's service, for traces without a root. */
  first_service: string | null;
  conversation_id: string | null;
  start_time: string;
  end_time: string;
  duration_ms: number;
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

export async function summarizeTraceSpans(
  db: Db,
  workspaceId: string,
  traceIds: string[],
  pricing: Omit<PricingContext, 'param'>,
): Promise<TraceGroupRow[]> {
  if (traceIds.length === 0) return [];
  const values: SqlValue[] = [workspaceId, traceIds];
  const ctx: PricingContext = {
    ...pricing,
    param: (v) => {
      values.push(v);
      return `$${values.length}`;
    },
  };
  const d = getDialect(pricing.dialect);
  const w = (expr: string, order: string) =>
    `first_value(${expr}) OVER (PARTITION BY b.trace_id ORDER BY ${order}, b.start_time, b.span_id)`;
  const rootFirst = 'CASE WHEN b.parent_span_id IS NULL THEN 0 ELSE 1 END';
  const root = (col: string) =>
    `CASE WHEN ${w('b.parent_span_id', rootFirst)} IS NULL THEN ${w(col, rootFirst)} END`;
  const rows = `SELECT b.*,
      ${root('b.span_id')} AS root_span_id, ${root('b.name')} AS root_name,
      ${root('b.service_name')} AS root_service, ${root('b.status_code')} AS root_status,
      ${w('b.service_name', '0')} AS first_service,
      ${w('b.conversation_id', 'CASE WHEN b.conversation_id IS NULL THEN 1 ELSE 0 END')} AS conversation_id_1,
      min(b.start_time) OVER (PARTITION BY b.trace_id) AS t_start,
      max(b.end_time) OVER (PARTITION BY b.trace_id) AS t_end
    FROM spans b
    WHERE b.workspace_id = $1 AND b.trace_id IN (SELECT unnest($2::VARCHAR[]))`;
  const keep = [
    'trace_id',
    'root_span_id',
    'root_name',
    'root_service',
    'root_status',
    'first_service',
    'conversation_id',
    'start_time',
    'end_time',
    'duration_ms',
    'span_count',
    'error_count',
  ];
  const groups = `SELECT b.trace_id, b.root_span_id, b.root_name, b.root_service, b.root_status,
      b.first_service, b.conversation_id_1 AS conversation_id, b.t_start AS start_time, b.t_end AS end_time,
      CAST(EXTRACT(EPOCH FROM (b.t_end - b.t_start)) * 1000 AS ${d.double}) AS duration_ms,
      b.model_id AS pm, b.provider AS pp, CAST(count(*) AS INTEGER) AS span_count,
      ${d.countIf('b.status_code = 2')} AS error_count,
      ${tokenPartialsSql(ctx).join(', ')}
    FROM (${rows}) b
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`;
  return db.query<TraceGroupRow & Record<string, unknown>>(
    `${pricedGroupsSql(groups, keep, ctx)} ORDER BY 1`,
    values,
  );
}
