// Owns the AnalyticsQuery objects an experiment's results are built from: one variant's conversations (or users)
// selected by its session ids and/or filter, inside the experiment's window, grouped by the unit.
import {
  type AnalyticsQuery,
  type DateRange,
  type Experiment,
  type ExperimentVariant,
  type Filter,
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

/**
 * Metric ids the per-unit query needs: each ratio with its denominator, each total, `messages` always, and
 * `timed_messages` for a percentile (which units have latency values to sample).
 */
function unitMetricIds(plans: readonly MetricPlan[]): string[] {
  const ids = new Set<string>(['messages']);
  for (const p of plans) {
    if (p.kind === 'ratio') {
      ids.add(p.id);
      ids.add(p.per);
    } else if (p.kind === 'total') ids.add(p.id);
    else ids.add('timed_messages');
  }
  return [...ids];
}

/** One row per unit with its counts and sums (grouped by the unit alone: one text key per row to read). */
function unitQuery(
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

/**
 * The variant as a whole: its distinct users, its exact percentiles (the registry's, over every latency value),
 * and its conversations when the unit is the user (conversations without a user count too).
 */
function totalsQuery(
  e: Experiment,
  v: ExperimentVariant,
  plans: readonly MetricPlan[],
  now: Date,
): AnalyticsQuery {
  const metrics = [
    ...(e.unit === 'user' ? ['conversations'] : []),
    'users',
    ...plans.filter((p) => p.kind === 'percentile').map((p) => p.id),
  ];
  return { metrics, filters: variantFilter(v), date_range: experimentWindow(e, now) };
}

function recentQuery(e: Experiment, v: ExperimentVariant, range: DateRange): AnalyticsQuery {
  return {
    metrics: [e.unit === 'user' ? 'users' : 'conversations'],
    filters: variantFilter(v),
    date_range: range,
  };
}

/**
 * Latency values per unit: one row per unit and distinct latency, with how many messages had it, of the units
 * the bootstrap resamples (`sampled`, from the unit query: sampleUnits), or of every unit when null.
 */
function latencyQuery(
  e: Experiment,
  v: ExperimentVariant,
  now: Date,
  sampled: readonly string[] | null,
): AnalyticsQuery {
  const filter = variantFilter(v);
  const only: Filter | undefined = sampled ? ['in', unitDimension(e), [...sampled]] : undefined;
  return {
    metrics: ['timed_messages'],
    dimensions: [unitDimension(e), 'latency'],
    filters: only && filter ? ['and', [filter, only]] : (only ?? filter),
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
  /** Users, exact percentiles, and conversations when the unit is the user (else the unit rows count them). */
  totals: AnalyticsQuery;
  /** Units of the last seven days of the window, and how many days that is; null once it has ended before. */
  recent: { query: AnalyticsQuery; days: number } | null;
  /** Latency values of the sampled units (all units when null); null without a percentile metric. */
  latency: ((sampled: readonly string[] | null) => AnalyticsQuery) | null;
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
    totals: totalsQuery(e, v, plans, now),
    recent: recent ? { query: recentQuery(e, v, recent.range), days: recent.days } : null,
    latency: plans.some((p) => p.kind === 'percentile')
      ? (sampled) => latencyQuery(e, v, now, sampled)
      : null,
  };
}
