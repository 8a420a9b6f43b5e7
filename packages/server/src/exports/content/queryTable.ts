// Owns the `query` export: one AnalyticsQuery through the one query road, its reply as a typed table
// (dimensions, metrics, and with `compare` each metric's previous value and change in %).
import {
  type AnalyticsQuery,
  type AnalyticsReply,
  type ExportColumn,
  type ExportTable,
  type ExportValue,
  matchKey,
  type ReplyRow,
} from '@llm-analytics/core';
import type { ExportDeps } from '../ExportScope.ts';
import { dimensionColumn, metricColumn } from './replyColumns.ts';

export interface QueryContent {
  table: ExportTable;
  /** The query API's reply the table was made from (window, unpriced messages, truncation). */
  reply: AnalyticsReply;
}

/** Runs `query` exactly as POST /api/analytics/query would (QueryError on a bad one) and tabulates it. */
export async function queryTable(
  deps: ExportDeps,
  workspaceId: string,
  query: AnalyticsQuery,
  now: Date,
  name = 'query',
): Promise<QueryContent> {
  const reply = await deps.analytics.query(workspaceId, query, now);
  return { table: replyTable(reply, name), reply };
}

/** The reply's rows as a table; comparison columns are `<metric>_previous` and `<metric>_change_pct`. */
export function replyTable(reply: AnalyticsReply, name: string): ExportTable {
  const dims = reply.meta.dimensions;
  const metrics = reply.meta.metrics.map((m) => m.id);
  const columns: ExportColumn[] = [...dims.map(dimensionColumn), ...metrics.map((m) => metricColumn(m))];
  const cmp = reply.comparison;
  if (cmp) {
    for (const m of metrics) {
      columns.push(metricColumn(m, `${m}_previous`), {
        name: `${m}_change_pct`,
        type: 'double',
        unit: 'percent',
      });
    }
  }
  const previous = new Map<string, ReplyRow>();
  if (cmp && reply.meta.comparison_window && reply.meta.window) {
    // As the reply pairs them: a previous row's time shifted one window ahead meets its current row.
    const shift = Date.parse(reply.meta.window.from) - Date.parse(reply.meta.comparison_window.from);
    for (const p of cmp.rows) previous.set(matchKey(p, reply.meta, shift), p);
  }
  const rows = reply.rows.map((r, i): ExportValue[] => {
    const row: ExportValue[] = [...dims, ...metrics].map((k) => r[k] ?? null);
    if (cmp) {
      const p = previous.get(matchKey(r, reply.meta, 0));
      for (const m of metrics) row.push(p?.[m] ?? null, cmp.change_pct[i]?.[m] ?? null);
    }
    return row;
  });
  return { name, columns, rows };
}
