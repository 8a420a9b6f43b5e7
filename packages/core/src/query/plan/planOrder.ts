// Owns a statement's result order: the requested fields, else time ascending then the first metric descending;
// every dimension after them, so equal rows come back in one stable order.
import type { AnalyticsQuery } from '../AnalyticsQuery.ts';
import type { DimensionDef, MetricDef } from '../registry/types.ts';
import type { StatementPlan } from './QueryPlan.ts';

/** `dims` holds every grouping dimension, the hidden period one included. */
export function planOrder(
  q: AnalyticsQuery,
  dims: DimensionDef[],
  metrics: MetricDef[],
): StatementPlan['order'] {
  const requested = q.order_by ?? [];
  const defaults: StatementPlan['order'] = [
    ...dims.filter((d) => d.type === 'time').map((d): [string, 'asc'] => [d.id, 'asc']),
    [metrics[0].id, 'desc'],
  ];
  const order: StatementPlan['order'] = [];
  const seen = new Set<string>();
  for (const [field, dir] of [
    ...requested,
    ...(requested.length ? [] : defaults),
    ...dims.map((d): [string, 'asc'] => [d.id, 'asc']),
  ]) {
    if (seen.has(field)) continue;
    seen.add(field);
    order.push([field, dir]);
  }
  return order;
}
