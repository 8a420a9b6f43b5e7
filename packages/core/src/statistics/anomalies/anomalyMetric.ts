// Owns how each registry metric is watched: its scoring kind (from the registry type) and its bad direction.
import { registry } from '../../query/registry/registry.ts';
import type { AnomalyMetricDef, AnomalyMetricKind, BadDirection } from './types.ts';

const KIND_BY_TYPE: Readonly<Record<string, AnomalyMetricKind>> = {
  rate: 'rate',
  count: 'volume',
  average: 'mean',
  percentile: 'mean',
  sum: 'mean',
  ratio: 'mean',
};

/**
 * How `metricId` is scored: rates (registry type `rate`) binomially, counts as volume (Poisson), the rest
 * (averages, percentiles, sums such as cost) against a robust spread — on the log scale for latency (ms) and
 * cost (USD). Bad direction from the registry's `direction` (what is better): `higher` → a drop is bad,
 * `lower` → a rise, none (volumes) → both. Null for an unknown metric.
 */
export function anomalyMetric(metricId: string): AnomalyMetricDef | null {
  const def = registry.metrics.get(metricId);
  if (!def) return null;
  const bad: BadDirection = def.direction === 'higher' ? 'drop' : def.direction === 'lower' ? 'rise' : 'both';
  const kind = KIND_BY_TYPE[def.type];
  return {
    id: metricId,
    kind,
    bad,
    scale: def.unit === 'percent' ? 100 : 1,
    log: kind === 'mean' && (def.unit === 'ms' || def.unit === 'usd'),
  };
}

/** The metrics issue 19 watches by default, overall and per model and provider. */
export const WATCHED_METRICS = [
  'success_rate',
  'avg_rating',
  'error_rate',
  'latency_p95',
  'sla_breach_rate',
  'tool_success_rate',
  'cost',
  'messages',
] as const;
