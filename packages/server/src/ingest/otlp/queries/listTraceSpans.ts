// Owns reading what the GenAI derivation needs of some traces' spans: the tree, and the attributes of LLM spans.
import { type DialectName, getDialect } from '@llm-analytics/core';
import { epochMsSql } from '../../../store/epochMsSql.ts';
import type { Db } from '../../../store/Store.ts';

export interface TraceSpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  /** Null on spans the mapping does not know: the derivation needs only their place in the tree. */
  name: string | null;
  start_ms: number | null;
  end_ms: number | null;
  duration_ms: number | null;
  status_code: number;
  span_type: string | null;
  tool_name: string | null;
  /** JSON (text on DuckDB, parsed on PostgreSQL); LLM spans only. */
  attributes: unknown;
  events: unknown;
}

/** The spans of `traceIds` that start within [fromMs, toMs] (the bound lets DuckDB skip row groups by time). */
export function listTraceSpans(
  db: Db,
  dialect: DialectName,
  workspaceId: string,
  traceIds: string[],
  fromMs: number,
  toMs: number,
): Promise<TraceSpanRow[]> {
  const d = getDialect(dialect);
  const scope = (a: string) => `${a}.workspace_id = $1 AND ${a}.start_time >= $2 AND ${a}.start_time <= $3`;
  const known = (col: string) => `CASE WHEN s.span_type IS NOT NULL THEN ${col} END`;
  // Times as numbers, and nothing but the tree of other spans: strings are most of what a read costs.
  return db.query<TraceSpanRow & Record<string, unknown>>(
    `SELECT s.trace_id, s.span_id, s.parent_span_id, ${known('s.name')} AS name,
       ${known(epochMsSql('s.start_time', d.double))} AS start_ms,
       ${known(epochMsSql('s.end_time', d.double))} AS end_ms, ${known('s.duration_ms')} AS duration_ms,
       s.status_code, s.span_type, s.tool_name,
       CASE WHEN s.span_type = 'llm' THEN s.attributes END AS attributes,
       CASE WHEN s.span_type = 'llm' THEN s.events END AS events
     FROM spans s
     WHERE ${d.keyIn('spans', 's', scope, 'trace_id', '$4')}`,
    [workspaceId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), traceIds],
  );
}
