// Owns the AnalyticsQuery objects an experiment's results are built from: one variant's conversations (or users)
// selected by its session ids and/or filter, inside the experiment's window, grouped by the unit.
import type { AnalyticsQuery, DateRange, Experiment, ExperimentVariant, Filter } from '@llm-analytics/core';
import type { MetricPlan } from './metricPlan.ts';

/** Rows a per-unit query may return: one per conversation of a variant. */
export const UNIT_ROWS = 1_000_000;

const DAY = 86_400_000;

export function variantFilter(v: ExperimentVariant): Filter {
  const parts: Filter[] = [];
  if (v.session_ids && v.session_ids.length > 0) parts.push(['in', 'session', v.session_ids]);
  if (v.filter) parts.push(v.filter);
  return parts.length === 1 ? parts[0] : ['and', parts];
}

/** [start, end ?? now); `all` when the experiment has neither. */
export function experimentWindow(e: Experiment, now: Date): DateRange {
  if (!e.start && !e.end) return 'all';
  return { from: e.start ?? new Date(0).toISOString(), to: e.end ?? now.toISOString() };
}

/** The last seven days of the window (for the current daily traffic), or null when it has ended before them. */
export function recentWindow(e: Experiment, now: Date): { range: DateRange; days: number } | null {
  const to = Math.min(now.getTime(), e.end ? Date.parse(e.end) : Number.POSITIVE_INFINITY);
  const from = Math.max(to - 7 * DAY, e.start ? Date.parse(e.start) : Number.NEGATIVE_INFINITY);
  if (!(to > from)) return null;
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    days: (to - from) / DAY,
  };
}

export const unitDimension = (e: Experiment): string => (e.unit === 'user' ? 'user' : 'conversation');

/** Metric ids the per-unit query needs: each ratio with its denominator, each total, `messages` always. */
export function unitMetricIds(plans: readonly MetricPlan[]): string[] {
  const ids = new Set<string>(['messages']);
  for (const p of plans) {
    if (p.kind === 'ratio') {
      ids.add(p.id);
      ids.add(p.per);
    } else if (p.kind === 'total') ids.add(p.id);
  }
  return [...ids];
}

export function unitQuery(
  e: Experiment,
  v: ExperimentVariant,
  plans: readonly MetricPlan[],
  now: Date,
): AnalyticsQuery {
  return {
    metrics: unitMetricIds(plans),
    dimensions: [unitDimension(e)],
    filters: variantFilter(v),
    date_range: experimentWindow(e, now),
    limit: UNIT_ROWS,
  };
}

/** The variant's exact totals: conversations, users and the percentiles over all its messages. */
export function totalsQuery(
  e: Experiment,
  v: ExperimentVariant,
  plans: readonly MetricPlan[],
  now: Date,
): AnalyticsQuery {
  return {
    metrics: ['conversations', 'users', ...plans.filter((p) => p.kind === 'percentile').map((p) => p.id)],
    filters: variantFilter(v),
    date_range: experimentWindow(e, now),
  };
}

export function recentQuery(e: Experiment, v: ExperimentVariant, range: DateRange): AnalyticsQuery {
  return {
    metrics: [e.unit === 'user' ? 'users' : 'conversations'],
    filters: variantFilter(v),
    date_range: range,
  };
}

/**
 * Latency values per unit (one row per unit and distinct latency, with how many messages had it), for the
 * percentile bootstrap; `units` keeps it to a sample of the variant's units.
 */
export function latencyQuery(
  e: Experiment,
  v: ExperimentVariant,
  now: Date,
  units: string[] | null,
): AnalyticsQuery {
  const dim = unitDimension(e);
  const base = variantFilter(v);
  const chunks: Filter[] = [];
  for (let i = 0; units && i < units.length; i += 1000) chunks.push(['in', dim, units.slice(i, i + 1000)]);
  const sample: Filter | null = chunks.length === 0 ? null : chunks.length === 1 ? chunks[0] : ['or', chunks];
  return {
    metrics: ['timed_messages'],
    dimensions: [dim, 'latency'],
    filters: sample ? ['and', [base, sample]] : base,
    date_range: experimentWindow(e, now),
    limit: UNIT_ROWS,
  };
}
