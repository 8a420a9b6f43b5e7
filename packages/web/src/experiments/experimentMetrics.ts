// Owns the metrics an experiment can be judged on, as the page shows them: label, scale and good direction.
// The ids are registry metric ids (packages/core/src/query/registry); the server checks them on save.
import type { Unit } from '../widgets/WidgetDef.ts';

export interface ExperimentMetric {
  id: string;
  label: string;
  /** Rates come back from the results endpoint as fractions (0.05 = 5%), differences in points. */
  scale: 'rate' | 'value';
  /** The unit the query API (and so the time series) reports the metric in. */
  unit: Unit;
  better: 'higher' | 'lower';
}

/**
 * Every registry metric with a direction (the ones an experiment can be judged on), in the order the form
 * lists them; packages/web/test/experimentMetrics.test.ts keeps this list and the registry in step.
 */
export const EXPERIMENT_METRICS: ExperimentMetric[] = [
  { id: 'success_rate', label: 'Success rate', scale: 'rate', unit: 'percent', better: 'higher' },
  { id: 'avg_rating', label: 'Avg rating', scale: 'value', unit: 'rating', better: 'higher' },
  { id: 'error_rate', label: 'Error rate', scale: 'rate', unit: 'percent', better: 'lower' },
  { id: 'sla_breach_rate', label: 'SLA breach rate', scale: 'rate', unit: 'percent', better: 'lower' },
  { id: 'tool_success_rate', label: 'Tool success rate', scale: 'rate', unit: 'percent', better: 'higher' },
  { id: 'latency_avg', label: 'Avg latency', scale: 'value', unit: 'ms', better: 'lower' },
  { id: 'latency_p50', label: 'p50 latency', scale: 'value', unit: 'ms', better: 'lower' },
  { id: 'latency_p90', label: 'p90 latency', scale: 'value', unit: 'ms', better: 'lower' },
  { id: 'latency_p95', label: 'p95 latency', scale: 'value', unit: 'ms', better: 'lower' },
  { id: 'latency_p99', label: 'p99 latency', scale: 'value', unit: 'ms', better: 'lower' },
  { id: 'cost_per_message', label: 'Cost / message', scale: 'value', unit: 'usd', better: 'lower' },
  { id: 'cost', label: 'Cost', scale: 'value', unit: 'usd', better: 'lower' },
  { id: 'total_tokens', label: 'Tokens', scale: 'value', unit: 'tokens', better: 'lower' },
  { id: 'input_tokens', label: 'Input tokens', scale: 'value', unit: 'tokens', better: 'lower' },
  { id: 'output_tokens', label: 'Output tokens', scale: 'value', unit: 'tokens', better: 'lower' },
  { id: 'errors', label: 'Errors', scale: 'value', unit: 'ratio', better: 'lower' },
  { id: 'failures', label: 'Failed evaluations', scale: 'value', unit: 'ratio', better: 'lower' },
];
