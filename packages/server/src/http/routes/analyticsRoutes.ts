// Owns POST /api/analytics/query: one AnalyticsQuery in, rows out (read scope). `Cache-Control: no-cache`
// asks for a reply computed anew rather than the cached one.
import { AnalyticsQuerySchema, AnalyticsReplySchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

export const analyticsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'POST',
      url: '/api/analytics/query',
      permission: 'read',
      summary:
        'Run one analytics query: metrics by dimensions over a window, optionally against the previous one',
      description: 'Send `Cache-Control: no-cache` for a reply computed anew rather than the cached one.',
      body: AnalyticsQuerySchema,
      // The compiler parses the query itself (its 400s name the metric or dimension at fault).
      rawBody: true,
      replies: { 200: AnalyticsReplySchema },
      handler: async (req) =>
        ctx.analytics.query(req.principal!.workspaceId, req.body, undefined, {
          fresh: /no-cache/i.test(req.headers['cache-control'] ?? ''),
        }),
    });
  };
