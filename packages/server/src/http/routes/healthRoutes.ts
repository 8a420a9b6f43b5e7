// Owns GET /api/health: version and database state, for load balancers and humans.
import { HealthDegradedSchema, HealthReplySchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { VERSION } from '../../version.ts';
import { apiRoute } from '../apiRoute.ts';
import { schemaVersion } from '../queries/schemaVersion.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/health',
      permission: 'public',
      summary: 'Version and database state',
      replies: { 200: HealthReplySchema, 503: HealthDegradedSchema },
      handler: async (_req, reply) => {
        try {
          const version = await schemaVersion(ctx.store);
          return {
            status: 'ok' as const,
            version: VERSION,
            database: { engine: ctx.store.dialect, ok: true as const, schema_version: version },
          };
        } catch (e) {
          reply.status(503);
          return {
            status: 'degraded' as const,
            version: VERSION,
            database: { engine: ctx.store.dialect, ok: false as const, error: (e as Error).message },
          };
        }
      },
    });
  };
