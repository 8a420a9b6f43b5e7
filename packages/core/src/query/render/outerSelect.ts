// Owns a statement's outer select: the parts merged on their dimension values, codes decoded to text, metric
// expressions over the partials, the unpriced count, the order and the limit.

import { bothPeriodsFrom, PERIOD_COLUMN } from '../periods.ts';
import type { StatementPlan } from '../plan/QueryPlan.ts';
import { registry } from '../registry/registry.ts';
import type { DimensionDef } from '../registry/types.ts';
import type { PartsInput } from './PartsInput.ts';
import { unpricedMessagesSql } from './unpricedMessagesSql.ts';

/** `parts` rendered from `plan`; `inp.dims` holds its dimensions (the hidden period one last, if any). */
export function outerSelect(plan: StatementPlan, parts: string[], inp: PartsInput, limit: number): string {
  const { dims, x } = inp;
  const metrics = plan.metrics.map((id) => registry.metrics.get(id)!);
  // Parts cover the same dimension values at most once each, so max() merges them without double counting.
  const merged =
    parts.length === 1
      ? parts[0]
      : `SELECT ${[...dims.map((d) => `d_${d.id}`), ...plan.partials.map((id) => `max(p_${id}) AS p_${id}`)].join(', ')} FROM (${parts.join(' UNION ALL ')}) u${dims.length ? ` GROUP BY ${dims.map((_, i) => i + 1).join(', ')}` : ''}`;

  // Coded dimensions come out of the parts as value codes; their text joins on the result's few rows.
  const outputOf = (d: DimensionDef) =>
    d.code ? `v_${d.id}.value` : d.id === PERIOD_COLUMN ? `pp.d_${d.id}` : `r.d_${d.id}`;
  const decode = dims
    .filter((d) => d.code)
    .map(
      (d) =>
        ` LEFT JOIN value_codes v_${d.id} ON v_${d.id}.workspace_id = ${x.workspace()} AND v_${d.id}.code = r.d_${d.id}`,
    )
    .join('');
  const select = [
    ...dims.map((d) => `${d.type === 'time' ? x.dialect.isoText(`r.d_${d.id}`) : outputOf(d)} AS "${d.id}"`),
    ...metrics.map((m) => {
      const expr = m.sql.replace(/\{(\w+)\}/g, (_, id: string) => `r.p_${id}`);
      return `${m.empty === 0 ? `COALESCE(${expr}, 0)` : expr} AS "${m.id}"`;
    }),
  ];
  if (plan.unpriced === 'distinct') {
    select.push(`CAST((${unpricedMessagesSql(inp)}) AS ${x.dialect.double}) AS "__unpriced"`);
  } else if (plan.unpriced === 'window') {
    const partition = plan.split ? `PARTITION BY pp.d_${PERIOD_COLUMN}` : '';
    select.push(`COALESCE(sum(r.p_unpriced) OVER (${partition}), 0) AS "__unpriced"`);
  }
  const order = plan.order.map(([field, dir]) => {
    const d = dims.find((dim) => dim.id === field);
    const expr = d ? (d.orderSql ? d.orderSql(outputOf(d)) : outputOf(d)) : `"${field}"`;
    return `${expr} ${dir.toUpperCase()} NULLS LAST`;
  });
  // One row more than the limit tells the reply whether rows were cut off.
  const from = plan.split ? bothPeriodsFrom(merged) : `(${merged}) r`;
  return `SELECT ${select.join(', ')} FROM ${from}${decode} ORDER BY ${order.join(', ')} LIMIT ${limit + 1}`;
}
