// Owns looking up how to show a metric id; an id the page does not know still shows, as a plain number.
import { EXPERIMENT_METRICS, type ExperimentMetric } from './experimentMetrics.ts';

export function metricInfo(id: string): ExperimentMetric {
  return (
    EXPERIMENT_METRICS.find((m) => m.id === id) ?? {
      id,
      label: id,
      scale: 'value',
      unit: 'ratio',
      better: 'higher',
    }
  );
}
