// Owns reading a filter tree as one line of text ("model in a, b and success = true"), for the export modal.
import type { Filter } from '@llm-analytics/core';

const OPS: Record<string, string> = {
  eq: '=',
  neq: '≠',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  gte: '≥',
  lte: '≤',
};

export function describeFilter(f: Filter): string {
  if (f[0] === 'and' || f[0] === 'or') {
    const parts = (f[1] as Filter[]).map((c) =>
      c[0] === 'and' || c[0] === 'or' ? `(${describeFilter(c)})` : describeFilter(c),
    );
    return parts.join(` ${f[0]} `);
  }
  if (f[0] === 'not') return `not (${describeFilter(f[1] as Filter)})`;
  const [op, field, value] = f;
  return `${field} ${OPS[op] ?? op} ${Array.isArray(value) ? value.join(', ') : String(value)}`;
}
