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
import { ratioPairs } from './ratioPairs.ts';
import type { VariantData } from './VariantData.ts';

/** Bootstrap resamples of a latency percentile (Efron & Tibshirani's ≥ 1,000 for percentile intervals). */
const BOOTSTRAP_RESAMPLES = 1000;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

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
    const sampled = [control, variant].some((d) => d.sampledUnits < d.latencyUnits);
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
