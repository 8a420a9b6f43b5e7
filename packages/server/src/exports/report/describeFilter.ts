// Owns the human-readable form of a dashboard filter tree and of a date range, as the report prints them.
import { type DateRange, type Filter, isFilterGroup, isFilterNot } from '@llm-analytics/core';

const OPS: Record<string, string> = {
  eq: '=',
  neq: '≠',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  gte: '≥',
  lte: '≤',
};

const value = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** `model = "gpt-4o" AND (NOT error_type = "timeout")`; "none" without a filter. */
export function describeFilter(f: Filter | null | undefined): string {
  if (!f) return 'none';
  const walk = (node: Filter, nested: boolean): string => {
    if (isFilterGroup(node)) {
      const s = node[1].map((c) => walk(c, true)).join(` ${node[0].toUpperCase()} `);
      return nested && node[1].length > 1 ? `(${s})` : s;
    }
    if (isFilterNot(node)) return `NOT ${walk(node[1], true)}`;
    const [op, field, v] = node;
    const shown = Array.isArray(v) ? `[${v.map(value).join(', ')}]` : value(v);
    return `${field} ${OPS[op] ?? op} ${shown}`;
  };
  return walk(f, false);
}

const RELATIVE: Record<string, string> = {
  '7d': 'last 7 days',
  '30d': 'last 30 days',
  '90d': 'last 90 days',
  all: 'all data',
};

export function describeRange(range: DateRange): string {
  return typeof range === 'string' ? (RELATIVE[range] ?? range) : `${range.from} – ${range.to}`;
}
