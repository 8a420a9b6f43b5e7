// Owns how each registry metric is measured per unit (conversation or user) in an experiment, read off the
// registry's data: rates, ratios and averages as Σnumerator/Σdenominator, counts and sums as means per unit,
// percentiles from the latency values themselves.
import { registry } from '@llm-analytics/core';

export type MetricPlan =
  /** value = Σx/Σy over units; `per` is the denominator metric, `scale` turns the registry's value into x/y. */
  | { kind: 'ratio'; id: string; per: string; scale: number; direction: 'higher' | 'lower' }
  /** value = mean over units of the unit's total. */
  | { kind: 'total'; id: string; direction: 'higher' | 'lower' }
  /** value = the quantile of the latency values of the units' messages. */
  | { kind: 'percentile'; id: string; quantile: number; direction: 'higher' | 'lower' };

/** The plan of a metric experimentProblems accepted (it exists and has a direction). */
export function metricPlan(id: string): MetricPlan {
  const m = registry.metrics.get(id);
  if (!m?.direction) throw new Error(`metric ${id} cannot be an experiment metric`);
  const direction = m.direction;
  if (m.type === 'percentile') {
    const p = /(\d+)$/.exec(id);
    return { kind: 'percentile', id, quantile: Number(p?.[1]) / 100, direction };
  }
  if (m.per !== undefined)
    // Rates are percentages in the registry; experiments state them as fractions (0.05 = five points).
    return { kind: 'ratio', id, per: m.per, scale: m.unit === 'percent' ? 100 : 1, direction };
  return { kind: 'total', id, direction };
}
