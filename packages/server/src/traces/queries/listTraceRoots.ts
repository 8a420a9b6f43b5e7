// Owns reading a page of trace candidates: root spans (no parent) newest first, keyset after a cursor, with
// the list's filters. Reads spans_time (workspace_id, start_time) on PostgreSQL; on DuckDB a top-N whose
// bound on start_time skips older row groups.
import { sqlTimestamp } from '@llm-analytics/core';
import type { Db, SqlValue } from '../../store/Store.ts';
import type { TraceCursor } from '../traceListParams.ts';

export interface RootFilter {
  from?: Date;
  to?: Date;
  service?: string;
  model?: string;
  conversationId?: string;
  status?: 'ok' | 'error';
  /** A lower bound on the root's start (engine timestamp text) that only narrows the scan (see pageRoots). */
  since?: string;
}

export interface RootRow {
  trace_id: string;
  span_id: string;
  /** The start time as the engine prints it (microseconds kept): the cursor's key. */
  k: string;
}

export async function listTraceRoots(
  db: Db,
  workspaceId: string,
  filter: RootFilter,
  after: TraceCursor | undefined,
  n: number,
): Promise<RootRow[]> {
  const values: SqlValue[] = [workspaceId];
  const p = (v: SqlValue) => {
    values.push(v);
    return `$${values.length}`;
  };
  const ts = (v: string) => `CAST(${p(v)} AS TIMESTAMP)`;
  // Per-trace properties (a span of the model, of the conversation, an error) as semi-joins on trace id.
  const tracesWith = (cond: string) => `SELECT x.trace_id FROM spans x WHERE x.workspace_id = $1 AND ${cond}`;
  const where = ['s.workspace_id = $1', 's.parent_span_id IS NULL'];
  if (filter.from) where.push(`s.start_time >= ${ts(sqlTimestamp(filter.from))}`);
  if (filter.to) where.push(`s.start_time < ${ts(sqlTimestamp(filter.to))}`);
  if (filter.since !== undefined) where.push(`s.start_time >= ${ts(filter.since)}`);
  if (filter.service !== undefined) where.push(`s.service_name = ${p(filter.service)}`);
  if (filter.model !== undefined)
    where.push(`s.trace_id IN (${tracesWith(`x.model_id = ${p(filter.model)}`)})`);
  if (filter.conversationId !== undefined)
    where.push(`s.trace_id IN (${tracesWith(`x.conversation_id = ${p(filter.conversationId)}`)})`);
  if (filter.status === 'error') where.push(`s.trace_id IN (${tracesWith('x.status_code = 2')})`);
  if (filter.status === 'ok') where.push(`s.trace_id NOT IN (${tracesWith('x.status_code = 2')})`);
  if (after) {
    // The plain bound lets either engine prune by start_time; the pair settles ties on the cursor's time.
    const t = ts(after.time);
    where.push(`s.start_time <= ${t}`, `(s.start_time < ${t} OR s.trace_id < ${p(after.traceId)})`);
  }
  return db.query<RootRow & Record<string, unknown>>(
    `SELECT s.trace_id, s.span_id, CAST(s.start_time AS VARCHAR) AS k FROM spans s
     WHERE ${where.join(' AND ')}
     ORDER BY s.start_time DESC, s.trace_id DESC, s.span_id
     LIMIT ${p(n)}`,
    values,
  );
}
