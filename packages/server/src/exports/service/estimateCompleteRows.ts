// Owns the row count that decides whether a complete export runs inside its request or as a job.
import type { ExportRequest } from '@llm-analytics/core';
import type { AnalyticsService } from '../../analytics/AnalyticsService.ts';

const COUNTS = ['messages', 'evaluations', 'tool_calls', 'conversations'] as const;

/** Rows a complete export would write, as the query API counts them in its range and filters (rollups: cheap). */
export async function estimateCompleteRows(
  analytics: AnalyticsService,
  workspaceId: string,
  r: ExportRequest,
  now: Date,
): Promise<number> {
  const reply = await analytics.query(
    workspaceId,
    {
      metrics: [...COUNTS],
      date_range: { from: r.startDate, to: r.endDate },
      ...(r.filters ? { filters: r.filters } : {}),
    },
    now,
  );
  const row = reply.rows[0] ?? {};
  return COUNTS.reduce((n, m) => n + Number(row[m] ?? 0), 0);
}
