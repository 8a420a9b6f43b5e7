// Owns the statistic of one metric of one variant against the control, from per-unit data: difference of
// proportions, delta-method ratio, Welch on per-unit totals, or the cluster bootstrap for latency percentiles.
import {
  bootstrapQuantileDifference,
  clusterSums,
  compareProportions,
  compareRatios,
  type Estimate,
  registry,
  summarizeSample,
  welchTTest,
} from '@llm-analytics/core';
import type { MetricPlan } from './metricPlan.ts';

/** One variant's data: per-unit rows of the unit query, latency values per unit (sampled), exact totals. */
export interface VariantData {
  units: Record<string, number | string | boolean | null>[];
  /** Latency values of each unit's messages; null when no percentile metric was asked for. */
  latencies: number[][] | null;
  /** Units the latencies were taken from, and how many the variant has: a sample when fewer. */
  sampledUnits: number;
  totals: Record<string, number | null>;
}

/** Bootstrap resamples of a latency percentile (Efron & Tibshirani's ≥ 1,000 for percentile intervals). */
export const BOOTSTRAP_RESAMPLES = 1000;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per-unit [numerator, denominator] of a ratio metric, recovered from the unit's value and denominator. */
function ratioPairs(p: Extract<MetricPlan, { kind: 'ratio' }>, d: VariantData): [number, number][] {
  const counted = registry.metrics.get(p.id)?.type === 'rate';
  return d.units.map((u) => {
    const y = num(u[p.per]);
    const x = (num(u[p.id]) * y) / p.scale;
    // A rate's numerator is a count: undo the rounding of value × denominator.
    return [counted ? Math.round(x) : x, y];
  });
}

/** The variant's value of the metric, in the experiment's units (rates as fractions). */
export function variantValue(p: MetricPlan, d: VariantData): number | null {
  if (p.kind === 'percentile') return d.totals[p.id] ?? null;
  if (p.kind === 'total')
    return d.units.length === 0 ? null : summarizeSample(d.units.map((u) => num(u[p.id]))).mean;
  const s = clusterSums(ratioPairs(p, d));
  return s.sumY === 0 ? null : s.sumX / s.sumY;
}

export function compareMetric(
  p: MetricPlan,
  control: VariantData,
  variant: VariantData,
  unit: string,
): Estimate {
  if (p.kind === 'total') {
    const e = welchTTest(
      summarizeSample(control.units.map((u) => num(u[p.id]))),
      summarizeSample(variant.units.map((u) => num(u[p.id]))),
    );
    return { ...e, method: `${e.method}, on each ${unit}'s total` };
  }
  if (p.kind === 'percentile') {
    const e = bootstrapQuantileDifference(control.latencies ?? [], variant.latencies ?? [], {
      quantile: p.quantile,
      resamples: BOOTSTRAP_RESAMPLES,
    });
    const method =
      unit === 'conversation' ? e.method : e.method.replace('over conversations', `over ${unit}s`);
    const sampled = [control, variant].some((d) => d.sampledUnits < d.units.length);
    return {
      ...e,
      method: sampled
        ? `${method}, on a random sample of at most ${Math.max(control.sampledUnits, variant.sampledUnits)} ${unit}s per variant`
        : method,
    };
  }
  const c = ratioPairs(p, control);
  const v = ratioPairs(p, variant);
  // Every unit with at most one evaluation (message, tool call): a proportion of units, not a ratio.
  const binary = [...c, ...v].every(([x, y]) => y <= 1 && (y === 0 || x === 0 || x === 1));
  if (binary && registry.metrics.get(p.id)?.type === 'rate') {
    const side = (pairs: [number, number][]) => ({
      successes: pairs.filter(([, y]) => y === 1).reduce((s, [x]) => s + x, 0),
      trials: pairs.filter(([, y]) => y === 1).length,
    });
    const e = compareProportions(side(c), side(v));
    return { ...e, method: `${e.method}, one per ${unit}` };
  }
  return compareRatios(clusterSums(c), clusterSums(v), { unit });
}
