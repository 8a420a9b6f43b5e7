// Owns reading the spans a trace summary is named by: the given traces' parentless spans (its root is the
// earliest) and the spans that carry a conversation (its conversation is the earliest one's).

import type { DialectName } from '@llm-analytics/core';
import { getDialect } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';
import { epochMs } from './summarizeTraceSpans.ts';

export interface TraceHeadRow {
  trace_id: string;
  span_id: string;
  is_root: boolean;
  name: string;
  service_name: string | null;
  status_code: number;
  conversation_id: string | null;
  start_ms: number;
}

/** Ordered by trace, then start time, then span id: the first root and conversation of each trace come first. */
export function listTraceHeads(
  db: Db,
  dialect: DialectName,
  workspaceId: string,
  traceIds: string[],
): Promise<TraceHeadRow[]> {
  if (traceIds.length === 0) return Promise.resolve([]);
  const d = getDialect(dialect);
  return db.query<TraceHeadRow & Record<string, unknown>>(
    `SELECT trace_id, span_id, parent_span_id IS NULL AS is_root, name, service_name, status_code,
       conversation_id, ${epochMs('start_time', d.double)} AS start_ms
     FROM spans
     WHERE workspace_id = $1 AND ${d.inTextArray('trace_id', '$2')}
       AND (parent_span_id IS NULL OR conversation_id IS NOT NULL)
     ORDER BY trace_id, start_time, span_id`,
    [workspaceId, traceIds],
  );
}
