// Owns the seed's analytics endpoints (same paths and parameters): GET /api/analytics/data, model-comparison
// and judgment-examples, each a thin wrapper over a seed service reading through AnalyticsService (read scope).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { AnalyticsDataParams, analyticsData } from '../../analytics/seed/analyticsData.ts';
import { JudgmentExamplesParams, judgmentExamples } from '../../analytics/seed/judgmentExamples.ts';
import { ModelComparisonParams, modelComparison } from '../../analytics/seed/modelComparison.ts';
import { parseParams, principalId } from '../../analytics/seed/seedParams.ts';

export const seedAnalyticsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const read = { config: { permission: 'read' as const } };
    app.get('/api/analytics/data', read, async (req, reply) => {
      const params = parseParams(AnalyticsDataParams, req.query);
      const body = await analyticsData(ctx, req.principal!.workspaceId, principalId(req.principal), params);
      reply.header('cache-control', `private, max-age=${ctx.config.cacheMaxAgeSeconds}`);
      return body;
    });
    app.get('/api/analytics/model-comparison', read, async (req) =>
      modelComparison(ctx, req.principal!.workspaceId, parseParams(ModelComparisonParams, req.query)),
    );
    app.get('/api/analytics/judgment-examples', read, async (req) =>
      judgmentExamples(ctx, req.principal!.workspaceId, parseParams(JudgmentExamplesParams, req.query)),
    );
  };
