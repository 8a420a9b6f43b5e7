// Owns what one cohort condition asks of AnalyticsQuery: the users-by-user queries and the test on their rows.
import type { AnalyticsQuery, DateRange, Filter } from '../query/AnalyticsQuery.ts';
import { resolveWindow } from '../query/timeWindow.ts';
import type { CohortCondition } from '../wire/cohorts.ts';

/** The most users one cohort query may return (users grouped by `user`). */
export const COHORT_MAX_USERS = 1_000_000;

/**
 * Users whose `metric` in `include` lies in [min, max] (min 1 unless given), minus the users of `exclude`.
 * `zeroQualifies`: a user with no row in `include` (0) is a member too, so the candidates are every user.
 */
export interface ConditionPlan {
  include: AnalyticsQuery;
  metric: string;
  min: number;
  max: number;
  exclude?: AnalyticsQuery;
  zeroQualifies: boolean;
}

const byUser = (metric: string, date_range: DateRange, filters?: Filter): AnalyticsQuery => ({
  metrics: [metric],
  dimensions: ['user'],
  ...(filters ? { filters } : {}),
  date_range,
  limit: COHORT_MAX_USERS,
});

/** Every user with a conversation in the data: the candidates of conditions a user may meet with no message. */
export const ALL_USERS: AnalyticsQuery = byUser('messages', 'all');

function conditionFilter(c: CohortCondition): Filter | undefined {
  switch (c.kind) {
    case 'used':
      return ['in', c.dimension, c.values];
    case 'rating':
      return ['lte', 'rating', c.at_most];
    case 'error':
      return c.error_type ? ['eq', 'error_type', c.error_type] : undefined;
    case 'filter':
      return c.filter;
    default:
      return undefined;
  }
}

/** `now` resolves relative windows (first seen in the last 30 days: not seen before that window began). */
export function cohortConditionPlan(c: CohortCondition, now: Date): ConditionPlan {
  const range = c.date_range ?? 'all';
  if (c.kind === 'first_seen') {
    const window = resolveWindow(range, now);
    const plan: ConditionPlan = {
      include: byUser('messages', range),
      metric: 'messages',
      min: 1,
      max: Infinity,
      zeroQualifies: false,
    };
    if (window)
      plan.exclude = byUser('messages', { from: '1970-01-01T00:00:00Z', to: window.from.toISOString() });
    return plan;
  }
  if (c.kind === 'activity') {
    const min = c.min ?? 0;
    return {
      include: byUser(c.metric, range),
      metric: c.metric,
      min,
      max: c.max ?? Infinity,
      zeroQualifies: min === 0,
    };
  }
  // Any error: the users with at least one of the `errors` metric (messages whose error_type is set).
  const metric = c.kind === 'error' && !c.error_type ? 'errors' : 'messages';
  return {
    include: byUser(metric, range, conditionFilter(c)),
    metric,
    min: 1,
    max: Infinity,
    zeroQualifies: false,
  };
}
