// Owns GET /api/activity: the workspace's activity log, newest first, paged with `before`.
import { ActivityPageSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../AppContext.ts';
import { MAX_ACTIVITY_PAGE } from '../../activity/ActivityService.ts';
import { apiRoute } from '../apiRoute.ts';

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE).default(50),
  before: z.iso.datetime({ offset: true }).optional(),
});

export const activityRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/activity',
      permission: 'read',
      summary: "The workspace's activity log, newest first; `before` (ISO time) pages back",
      query: Query,
      queryError: { code: 'invalid_query', message: 'limit must be 1–200 and before an ISO time' },
      replies: { 200: ActivityPageSchema },
      handler: async (req) => ({ events: await ctx.activity.list(req.principal!.workspaceId, req.query) }),
    });
  };
