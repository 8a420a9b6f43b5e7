// Owns the workspace-wide team view (the seed's "multi-user analytics"): totals and per end-user figures,
// read through the one analytics query path (no SQL of its own).
import { RELATIVE_RANGES } from '@llm-analytics/core';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';

export const TeamOverviewParams = z.object({
  date_range: z.enum(RELATIVE_RANGES).default('30d'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TeamOverviewParams = z.output<typeof TeamOverviewParams>;

const METRICS = ['messages', 'conversations', 'evaluations', 'avg_rating', 'success_rate', 'cost'];

export async function teamOverview(analytics: AnalyticsService, workspaceId: string, p: TeamOverviewParams) {
  const [totals, users] = await Promise.all([
    analytics.query(workspaceId, { metrics: METRICS, date_range: p.date_range }),
    analytics.query(workspaceId, {
      metrics: METRICS,
      dimensions: ['user'],
      date_range: p.date_range,
      order_by: [['messages', 'desc']],
      limit: p.limit,
    }),
  ]);
  return {
    date_range: p.date_range,
    totals: totals.rows[0] ?? null,
    users: users.rows,
    truncated: users.meta.truncated,
  };
}
