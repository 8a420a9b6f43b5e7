// Owns the AnalyticsQuery objects an experiment's results are built from: one variant's conversations (or users)
// selected by its session ids and/or filter, inside the experiment's window, grouped by the unit.
import {
  type AnalyticsQuery,
  type DateRange,
  type Experiment,
  type ExperimentVariant,
  variantFilter,
} from '@llm-analytics/core';
import type { MetricPlan } from './metricPlan.ts';

/** Rows a per-unit query may return: one per conversation of a variant. */
const UNIT_ROWS = 1_000_000;

const DAY = 86_400_000;

/** [start, end ?? now); `all` when the experiment has neither. */
function experimentWindow(e: Experiment, now: Date): DateRange {
  if (!e.start && !e.end) return 'all';
  return { from: e.start ?? new Date(0).toISOString(), to: e.end ?? now.toISOString() };
}

/** The last seven days of the window (for the current daily traffic), or null when it has ended before them. */
function recentWindow(e: Experiment, now: Date): { range: DateRange; days: number } | null {
  const to = Math.min(now.getTime(), e.end ? Date.parse(e.end) : Number.POSITIVE_INFINITY);
  const from = Math.max(to - 7 * DAY, e.start ? Date.parse(e.start) : Number.NEGATIVE_INFINITY);
  if (!(to > from)) return null;
  return {
    range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    days: (to - from) / DAY,
  };
}

const unitDimension = (e: Experiment): string => (e.unit === 'user' ? 'user' : 'conversation');

/** Metric ids the per-unit query needs: each ratio with its denominator, each total, `messages` always. */
function unitMetricIds(plans: readonly MetricPlan[]): string[] {
  const ids = new Set<string>(['messages']);
  for (const p of plans) {
    if (p.kind === 'ratio') {
      ids.add(p.id);
      ids.add(p.per);
    } else if (p.kind === 'total') ids.add(p.id);
  }
  return [...ids];
}

/**
 * One row per unit with its counts and sums. Per conversation it is also grouped by `user` (one value per
 * conversation, so the same rows), which gives the variant's distinct users without another query.
 */
function unitQuery(
  e: Experiment,
  v: ExperimentVariant,
  plans: readonly MetricPlan[],
  now: Date,
): AnalyticsQuery {
  return {
    metrics: unitMetricIds(plans),
    dimensions: e.unit === 'user' ? ['user'] : ['conversation', 'user'],
    filters: variantFilter(v),
    date_range: experimentWindow(e, now),
    limit: UNIT_ROWS,
  };
}

/** The variant's conversations and users, when the unit is the user (conversations without a user count too). */
function totalsQuery(e: Experiment, v: ExperimentVariant, now: Date): AnalyticsQuery {
  return {
    metrics: ['conversations', 'users'],
    filters: variantFilter(v),
    date_range: experimentWindow(e, now),
  };
}

function recentQuery(e: Experiment, v: ExperimentVariant, range: DateRange): AnalyticsQuery {
  return {
    metrics: [e.unit === 'user' ? 'users' : 'conversations'],
    filters: variantFilter(v),
    date_range: range,
  };
}

/**
 * Latency values per unit: one row per unit and distinct latency, with how many messages had it. Exact
 * percentiles come from all of them; the bootstrap resamples a sample of the units (sampleUnits). Sampling
 * here instead (a filter on the sampled ids) would cost about as much and wait for the unit query.
 */
function latencyQuery(e: Experiment, v: ExperimentVariant, now: Date): AnalyticsQuery {
  return {
    metrics: ['timed_messages'],
    dimensions: [unitDimension(e), 'latency'],
    filters: variantFilter(v),
    date_range: experimentWindow(e, now),
    limit: UNIT_ROWS,
  };
}

export interface VariantQueries {
  /** The unit's dimension: `conversation` or `user`. */
  dimension: string;
  /** Rows the unit and latency queries may return (AnalyticsService.query's maxRows). */
  maxRows: number;
  unit: AnalyticsQuery;
  /** Conversations and users of the variant when the unit is the user (else the unit rows give both). */
  totals: AnalyticsQuery | null;
  /** Units of the last seven days of the window, and how many days that is; null once it has ended before. */
  recent: { query: AnalyticsQuery; days: number } | null;
  /** Latency values per unit; null without a percentile metric. */
  latency: AnalyticsQuery | null;
}

/** Every query one variant's results need; they are independent of each other, so they can run at once. */
export function variantQueries(
  e: Experiment,
  v: ExperimentVariant,
  plans: readonly MetricPlan[],
  now: Date,
): VariantQueries {
  const recent = recentWindow(e, now);
  return {
    dimension: unitDimension(e),
    maxRows: UNIT_ROWS,
    unit: unitQuery(e, v, plans, now),
    totals: e.unit === 'user' ? totalsQuery(e, v, now) : null,
    recent: recent ? { query: recentQuery(e, v, recent.range), days: recent.days } : null,
    latency: plans.some((p) => p.kind === 'percentile') ? latencyQuery(e, v, now) : null,
  };
}
