// Owns the workspace-wide team view (the seed's "multi-user analytics"): totals, per end-user and per evaluator figures,
// read through the one analytics query path (no SQL of its own).
import { RELATIVE_RANGES, type TeamOverview } from '@llm-analytics/core';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';

export const TeamOverviewParams = z.object({
  date_range: z.enum(RELATIVE_RANGES).default('30d'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TeamOverviewParams = z.output<typeof TeamOverviewParams>;

const METRICS = ['messages', 'conversations', 'evaluations', 'avg_rating', 'success_rate', 'cost'];
/** What each evaluator judged: how many, how they rate, how often they pass a reply. */
const EVALUATOR_METRICS = ['evaluations', 'avg_rating', 'success_rate', 'failures'];

export async function teamOverview(
  analytics: AnalyticsService,
  workspaceId: string,
  p: TeamOverviewParams,
): Promise<TeamOverview> {
  const [totals, users, evaluators] = await Promise.all([
    analytics.query(workspaceId, { metrics: [...METRICS, 'users', 'evaluators'], date_range: p.date_range }),
    analytics.query(workspaceId, {
      metrics: METRICS,
      dimensions: ['user'],
      date_range: p.date_range,
      order_by: [['messages', 'desc']],
      limit: p.limit,
    }),
    analytics.query(workspaceId, {
      metrics: EVALUATOR_METRICS,
      dimensions: ['evaluator'],
      date_range: p.date_range,
      order_by: [['evaluations', 'desc']],
      limit: p.limit,
    }),
  ]);
  return {
    date_range: p.date_range,
    totals: totals.rows[0] ?? null,
    users: users.rows,
    evaluators: evaluators.rows,
    truncated: users.meta.truncated || evaluators.meta.truncated,
  };
}
