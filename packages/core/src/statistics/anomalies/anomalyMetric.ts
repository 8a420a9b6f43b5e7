// Owns how each registry metric is watched: its scoring kind (from the registry type) and its bad direction.
import { KPIS } from '../../query/kpis.ts';
import { registry } from '../../query/registry/registry.ts';
import type { AnomalyMetricDef, AnomalyMetricKind, BadDirection } from './types.ts';

/**
 * Directions the registry does not carry. The registry has no direction; the dashboard's KPI row (kpis.ts)
 * has one (`better`) for its nine metrics and is read first. This table covers the other watched metrics.
 */
const EXTRA_DIRECTIONS: Readonly<Record<string, BadDirection>> = {
  tool_success_rate: 'drop',
  latency_avg: 'rise',
  latency_p50: 'rise',
  latency_p90: 'rise',
  latency_p99: 'rise',
  cost_per_message: 'rise',
  failures: 'rise',
  errors: 'rise',
};

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
 * cost (USD). Bad direction: KPI `better: up` → a drop
 * is bad, `down` → a rise, `none` → both; else EXTRA_DIRECTIONS; else both. Null for an unknown metric.
 */
export function anomalyMetric(metricId: string): AnomalyMetricDef | null {
  const def = registry.metrics.get(metricId);
  if (!def) return null;
  const kpi = KPIS.find((k) => k.metric === metricId);
  const bad: BadDirection = kpi
    ? kpi.better === 'up'
      ? 'drop'
      : kpi.better === 'down'
        ? 'rise'
        : 'both'
    : (EXTRA_DIRECTIONS[metricId] ?? 'both');
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
