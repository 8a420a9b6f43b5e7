// Owns the seed's analytics endpoints (same paths and parameters): GET /api/analytics/data, model-comparison
// and judgment-examples, each a thin wrapper over a seed service reading through AnalyticsService (read scope).
import {
  AnalyticsDataReplySchema,
  JudgmentExamplesReplySchema,
  ModelComparisonReplySchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { AnalyticsDataParams, analyticsData } from '../../analytics/seed/analyticsData.ts';
import { JudgmentExamplesParams, judgmentExamples } from '../../analytics/seed/judgmentExamples.ts';
import { ModelComparisonParams, modelComparison } from '../../analytics/seed/modelComparison.ts';
import { principalId } from '../../analytics/seed/seedParams.ts';
import { apiRoute } from '../apiRoute.ts';

export const seedAnalyticsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/data',
      permission: 'read',
      summary: 'Metric groups as datapoints per time bucket, and their totals over the window',
      query: AnalyticsDataParams,
      replies: { 200: AnalyticsDataReplySchema },
      handler: async (req, reply) => {
        const body = await analyticsData(
          ctx,
          req.principal!.workspaceId,
          principalId(req.principal),
          req.query,
        );
        reply.header('cache-control', `private, max-age=${ctx.config.cacheMaxAgeSeconds}`);
        return body;
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/model-comparison',
      permission: 'read',
      summary: "Per-model metrics and each fine-tune's change against its base model",
      query: ModelComparisonParams,
      replies: { 200: ModelComparisonReplySchema },
      handler: async (req) => modelComparison(ctx, req.principal!.workspaceId, req.query),
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/judgment-examples',
      permission: 'read',
      summary: 'Per failure tag, a page of the evaluated messages carrying it',
      query: JudgmentExamplesParams,
      replies: { 200: JudgmentExamplesReplySchema },
      handler: async (req) => judgmentExamples(ctx, req.principal!.workspaceId, req.query),
    });
  };
