// Owns the metrics a rule can watch, as the form lists them: every registry metric (threshold rules), the
// scanned ones (anomaly rules), each with its label and display unit.
import { type KpiDef, metricDisplay, registry, WATCHED_METRICS } from '@llm-analytics/core';

export interface AlertMetric extends KpiDef {
  description: string;
}

const byLabel = (a: AlertMetric, b: AlertMetric) => a.label.localeCompare(b.label);

export const THRESHOLD_METRICS: AlertMetric[] = [...registry.metrics.values()]
  .map((m) => ({ ...metricDisplay(m.id), description: m.description }))
  .sort(byLabel);

export const ANOMALY_METRICS: AlertMetric[] = WATCHED_METRICS.map((id) => ({
  ...metricDisplay(id),
  description: registry.metrics.get(id)?.description ?? '',
}));
