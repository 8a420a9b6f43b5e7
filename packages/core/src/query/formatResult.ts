// Owns turning raw result rows of a compiled query into the API reply: coerced values, comparison, meta.

import type { AnalyticsReply, ReplyRow, ReplyValue } from '../wire/analytics.ts';
import type { CompiledQuery, QueryMeta } from './CompiledQuery.ts';
import { PERIOD_COLUMN } from './periods.ts';
import { registry } from './registry/registry.ts';
import { truncateUtc } from './timeWindow.ts';

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  const n = Number(String(v));
  return Number.isFinite(n) ? n : null;
}

function toDimension(v: unknown, type: string): ReplyValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z');
  if (type === 'number') return toNumber(v);
  if (type === 'boolean') return typeof v === 'boolean' ? v : String(v) === 'true';
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

function coerce(rows: Record<string, unknown>[], meta: QueryMeta): ReplyRow[] {
  return rows.slice(0, meta.limit).map((raw) => {
    const row: ReplyRow = {};
    for (const id of meta.dimensions)
      row[id] = toDimension(raw[id], registry.dimensions.get(id)?.type ?? 'string');
    for (const { id } of meta.metrics) row[id] = toNumber(raw[id]);
    return row;
  });
}

/** Key matching a previous-period row to the current row it compares with: time is shifted one window ahead. */
export function matchKey(
  row: ReplyRow,
  meta: Pick<QueryMeta, 'dimensions' | 'time_bucket'>,
  shiftMs: number,
): string {
  return JSON.stringify(
    meta.dimensions.map((id) => {
      const v = row[id];
      if (id !== 'time' || typeof v !== 'string' || !meta.time_bucket || shiftMs === 0) return v;
      const shifted = truncateUtc(new Date(Date.parse(v) + shiftMs), meta.time_bucket);
      return shifted.toISOString().replace('.000Z', 'Z');
    }),
  );
}

function changePct(cur: ReplyValue, prev: ReplyValue | undefined): number | null {
  if (typeof cur !== 'number' || typeof prev !== 'number' || prev === 0) return null;
  return ((cur - prev) / Math.abs(prev)) * 100;
}

/**
 * Builds the reply from the rows the store returned for `compiled.sql` (and `compiled.comparison.sql`).
 * Numbers arrive as number, bigint or numeric text depending on engine and driver; all become numbers.
 */
export function formatResult(
  compiled: CompiledQuery,
  statementRows: Record<string, unknown>[],
  comparisonStatementRows?: Record<string, unknown>[],
): AnalyticsReply {
  // A statement holding both periods is split on its period column.
  const period = (r: Record<string, unknown>) => Number(r[PERIOD_COLUMN]);
  const rows = compiled.periods ? statementRows.filter((r) => period(r) === 0) : statementRows;
  const comparisonRows = compiled.periods
    ? statementRows.filter((r) => period(r) === 1)
    : comparisonStatementRows;
  const { priced, ...meta } = compiled.meta;
  const reply: AnalyticsReply = {
    rows: coerce(rows, compiled.meta),
    meta: { ...meta, truncated: rows.length > compiled.meta.limit },
  };
  if (priced) reply.meta.unpriced_messages = toNumber(rows[0]?.__unpriced) ?? 0;
  if (compiled.meta.comparison_window && comparisonRows) {
    const prevRows = coerce(comparisonRows, compiled.meta);
    const cw = compiled.meta.comparison_window;
    const shift = compiled.window ? compiled.window.from.getTime() - Date.parse(cw.from) : 0;
    const byKey = new Map(prevRows.map((r) => [matchKey(r, compiled.meta, shift), r]));
    reply.comparison = {
      rows: prevRows,
      change_pct: reply.rows.map((r) => {
        const prev = byKey.get(matchKey(r, compiled.meta, 0));
        return Object.fromEntries(compiled.meta.metrics.map(({ id }) => [id, changePct(r[id], prev?.[id])]));
      }),
    };
  }
  return reply;
}
