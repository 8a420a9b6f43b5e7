// Owns a variant's value of one metric in the experiment's units (rates as fractions).
import { clusterSums, summarizeSample } from '@llm-analytics/core';
import type { MetricPlan } from './metricPlan.ts';
import { ratioPairs } from './ratioPairs.ts';
import type { VariantData } from './VariantData.ts';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The variant's value of the metric, in the experiment's units (rates as fractions). */
export function variantValue(p: MetricPlan, d: VariantData): number | null {
  if (p.kind === 'percentile') return d.percentiles[p.id] ?? null;
  if (p.kind === 'total')
    return d.units.length === 0 ? null : summarizeSample(d.units.map((u) => num(u[p.id]))).mean;
  const s = clusterSums(ratioPairs(p, d));
  return s.sumY === 0 ? null : s.sumX / s.sumY;
}
