// Owns the priced statement behind every trace summary: the given traces' spans grouped per (trace, service,
// model, provider) with their counts, extent and tokens, the tokens priced by the registry's cost partials
// (core's pricedGroupsSql) as the analytics price messages.
import { getDialect, type PricingContext, pricedGroupsSql, tokenPartialsSql } from '@llm-analytics/core';
import type { Db, SqlValue } from '../../store/Store.ts';

/** One (trace, service, model, provider) group. */
export interface TraceGroupRow {
  trace_id: string;
  service_name: string | null;
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

/** Epoch milliseconds of a timestamp column, the same on both engines (an interval's epoch). */
export const epochMs = (col: string, d: string) =>
  `CAST(EXTRACT(EPOCH FROM (${col} - CAST('1970-01-01 00:00:00' AS TIMESTAMP))) * 1000 AS ${d})`;

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
  const keep = [
    'trace_id',
    'service_name',
    'start_time',
    'end_time',
    'start_ms',
    'end_ms',
    'span_count',
    'error_count',
  ];
  const groups = `SELECT b.trace_id, b.service_name, min(b.start_time) AS start_time, max(b.end_time) AS end_time,
      ${epochMs('min(b.start_time)', d.double)} AS start_ms, ${epochMs('max(b.end_time)', d.double)} AS end_ms,
      b.model_id AS pm, b.provider AS pp, count(*) AS span_count, ${d.countIf('b.status_code = 2')} AS error_count,
      ${tokenPartialsSql(ctx).join(', ')}
    FROM spans b
    WHERE b.workspace_id = $1 AND ${d.inTextArray('b.trace_id', '$2')}
    GROUP BY b.trace_id, b.service_name, b.model_id, b.provider`;
  return db.query<TraceGroupRow & Record<string, unknown>>(pricedGroupsSql(groups, keep, ctx), values);
}
