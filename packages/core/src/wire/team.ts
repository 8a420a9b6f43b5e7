// Owns the reply of GET /api/team/overview: workspace totals, per end-user and per evaluator rows.
import { z } from 'zod';
import { RELATIVE_RANGES } from '../query/AnalyticsQuery.ts';
import { ReplyRowSchema } from './analytics.ts';

export const TeamOverviewSchema = z.strictObject({
  date_range: z.enum(RELATIVE_RANGES),
  totals: ReplyRowSchema.nullable(),
  users: z.array(ReplyRowSchema),
  evaluators: z.array(ReplyRowSchema),
  /** Either list was cut at `limit`. */
  truncated: z.boolean(),
});

export type TeamOverview = z.output<typeof TeamOverviewSchema>;
