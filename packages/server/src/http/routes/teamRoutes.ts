// Owns GET /api/team/overview: the workspace-wide view across all end-users and evaluators (permission `read`).
import { TeamOverviewSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { TeamOverviewParams, teamOverview } from '../../team/teamOverview.ts';
import { apiRoute } from '../apiRoute.ts';

export const teamRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/team/overview',
      permission: 'read',
      summary: 'Workspace totals and figures per end-user and per evaluator',
      query: TeamOverviewParams,
      queryError: { code: 'invalid_parameters', message: 'date_range is 7d|30d|90d|all, limit 1–1000' },
      replies: { 200: TeamOverviewSchema },
      handler: async (req) => teamOverview(ctx.analytics, req.principal!.workspaceId, req.query),
    });
  };
