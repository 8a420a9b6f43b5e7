// Owns planning a validated query: its window and bucket, the comparison's form, and each statement's plan.
import { type AnalyticsQuery, QUERY_LIMITS } from '../AnalyticsQuery.ts';
import { filterDims } from '../compileFilter.ts';
import { periodsShareStatement } from '../periods.ts';
import { QueryError } from '../QueryError.ts';
import { bucketCount, pickBucket, previousWindow, resolveWindow, type TimeWindow } from '../timeWindow.ts';
import { planStatement } from './planStatement.ts';
import type { QueryPlan } from './QueryPlan.ts';

/**
 * The plan of `q` (already validated by parseQuery) at `now`. `dataSpan` (the stored data's extent) lets
 * `granularity: auto` pick a bucket for `date_range: "all"` and bounds its bucket count.
 */
export function planQuery(q: AnalyticsQuery, ctx: { now: Date; dataSpan?: TimeWindow }): QueryPlan {
  const window = resolveWindow(q.date_range, ctx.now);
  const bucket = pickBucket(q.granularity, window, ctx.dataSpan);
  const span = window ?? ctx.dataSpan;
  if ((q.dimensions ?? []).includes('time') && span && bucketCount(span, bucket) > QUERY_LIMITS.timeBuckets) {
    throw new QueryError(
      'too_many_groups',
      `${bucket} buckets over this date range exceed ${QUERY_LIMITS.timeBuckets} points; choose a coarser granularity`,
      'granularity',
    );
  }
  const limit = q.limit ?? QUERY_LIMITS.maxRows;
  const prev = q.compare && window ? previousWindow(window) : undefined;
  if (!prev || !window) return { window, bucket, limit, comparison: null, main: planStatement(q, window) };
  if (periodsShareStatement(q, filterDims(q.filters))) {
    return {
      window,
      bucket,
      limit,
      comparison: { window: prev, form: 'one-statement' },
      main: planStatement(q, { from: prev.from, to: window.to }, window.from),
    };
  }
  return {
    window,
    bucket,
    limit,
    comparison: { window: prev, form: 'own-statement' },
    main: planStatement(q, window),
    previous: planStatement(q, prev),
  };
}
