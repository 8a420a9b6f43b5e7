// Owns recovering a ratio metric's per-unit numerator and denominator from the unit's value and denominator.
import { registry } from '@llm-analytics/core';
import type { MetricPlan } from './metricPlan.ts';
import type { VariantData } from './VariantData.ts';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per-unit [numerator, denominator] of a ratio metric, recovered from the unit's value and denominator. */
export function ratioPairs(p: Extract<MetricPlan, { kind: 'ratio' }>, d: VariantData): [number, number][] {
  const counted = registry.metrics.get(p.id)?.type === 'rate';
  return d.units.map((u) => {
    const y = num(u[p.per]);
    const x = (num(u[p.id]) * y) / p.scale;
    // A rate's numerator is a count: undo the rounding of value × denominator.
    return [counted ? Math.round(x) : x, y];
  });
}
