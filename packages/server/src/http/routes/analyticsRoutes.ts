// Owns POST /api/analytics/query: one AnalyticsQuery in, rows out (read scope). `Cache-Control: no-cache`
// asks for a reply computed anew rather than the cached one.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';

export const analyticsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/analytics/query', { config: { permission: 'read' } }, async (req) =>
      ctx.analytics.query(req.principal!.workspaceId, req.body, undefined, {
        fresh: /no-cache/i.test(req.headers['cache-control'] ?? ''),
      }),
    );
  };
