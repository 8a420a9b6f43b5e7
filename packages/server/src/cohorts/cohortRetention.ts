// Owns a cohort's retention matrix from AnalyticsQuery: its members' weekly or monthly activity in the window
// and who of them was seen before it (first seen in the whole data), into core's retentionMatrix.
import {
  type AnalyticsQuery,
  addPeriods,
  type CohortRetention,
  periodStart,
  type RetentionPeriod,
  retentionMatrix,
} from '@llm-analytics/core';
import { type AnalyticsService, queryNow } from '../analytics/AnalyticsService.ts';
import { ApiError } from '../http/ApiError.ts';

/** Users-by-period replies may be long: the server's own reader lifts the request row limit. */
const MAX_ROWS = 1_000_000;

/**
 * Members grouped by the period they were first seen (in the whole data) × periods since, for the last
 * `periods` complete periods: two AnalyticsQuery reads, both filtered by the cohort.
 */
export async function cohortRetention(
  analytics: AnalyticsService,
  workspaceId: string,
  id: string,
  period: RetentionPeriod,
  periods: number,
): Promise<CohortRetention> {
  const now = queryNow();
  const until = periodStart(now, period);
  const from = addPeriods(until, -periods, period);
  const cohort: AnalyticsQuery['filters'] = ['in', 'cohort', [id]];
  const opts = { maxRows: MAX_ROWS, shared: true };
  const [active, before] = await Promise.all([
    analytics.query(
      workspaceId,
      {
        metrics: ['messages'],
        dimensions: ['user', 'time'],
        granularity: period,
        filters: cohort,
        date_range: { from: from.toISOString(), to: until.toISOString() },
        limit: MAX_ROWS,
      },
      now,
      opts,
    ),
    analytics.query(
      workspaceId,
      {
        metrics: ['messages'],
        dimensions: ['user'],
        filters: cohort,
        date_range: { from: '1970-01-01T00:00:00Z', to: from.toISOString() },
        limit: MAX_ROWS,
      },
      now,
      opts,
    ),
  ]);
  if (active.meta.truncated || before.meta.truncated)
    throw new ApiError(422, 'cohort_too_large', 'the cohort is too large for a retention matrix');
  const seenBefore = new Set(before.rows.map((r) => r.user));
  const activity = active.rows
    .filter((r) => typeof r.user === 'string' && !seenBefore.has(r.user))
    .map((r) => ({ user: String(r.user), start: String(r.time) }));
  return { cohort_id: id, period, ...retentionMatrix(activity, { period, periods, now }) };
}
