// Owns the checks of an experiment that need the registry: metrics experiments can compare, variant filters the
// compiler accepts, a window that ends after it starts. Each problem names its field's path.
import {
  type CreateExperimentRequest,
  parseQuery,
  QueryError,
  registry,
  type ValidationIssue,
} from '@llm-analytics/core';

function metricProblem(id: string): string | null {
  const m = registry.metrics.get(id);
  if (!m) return `unknown metric "${id}"`;
  if (!m.direction) return `"${id}" has no direction of better (a volume), so it cannot decide an experiment`;
  return null;
}

/** Issues of a whole (created or merged) experiment; empty when it can be stored. */
export function experimentProblems(e: CreateExperimentRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const primary = metricProblem(e.primary_metric);
  if (primary) issues.push({ path: 'primary_metric', message: primary });
  (e.secondary_metrics ?? []).forEach((id, i) => {
    const p = metricProblem(id);
    if (p) issues.push({ path: `secondary_metrics[${i}]`, message: p });
    else if (id === e.primary_metric || e.secondary_metrics?.indexOf(id) !== i)
      issues.push({ path: `secondary_metrics[${i}]`, message: `"${id}" is listed twice` });
  });
  e.variants.forEach((v, i) => {
    if (!v.filter) return;
    try {
      // With a metric of every grain: a leaf only message metrics can use (latency) would fail the results.
      parseQuery({
        metrics: ['messages', 'evaluations', 'tool_calls'],
        filters: v.filter,
        date_range: 'all',
      });
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      const sub = err.path?.replace(/^filters/, '') ?? '';
      issues.push({ path: `variants[${i}].filter${sub}`, message: err.message });
    }
  });
  if (e.start && e.end && Date.parse(e.end) <= Date.parse(e.start))
    issues.push({ path: 'end', message: 'end must be after start' });
  return issues;
}
