// Owns GET /api/analytics/benchmark-analysis (the seed's path and parameters): a thin wrapper over
// BenchmarkService (read scope).
import { BenchmarkAnalysisParamsSchema, BenchmarkAnalysisReplySchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

export const benchmarkRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/benchmark-analysis',
      permission: 'read',
      summary: 'Benchmark accuracy and scores per benchmark, model and run; fine-tunes against their base',
      query: BenchmarkAnalysisParamsSchema,
      replies: { 200: BenchmarkAnalysisReplySchema },
      handler: async (req) => ctx.benchmarks.analysis(req.principal!.workspaceId, req.query),
    });
  };
