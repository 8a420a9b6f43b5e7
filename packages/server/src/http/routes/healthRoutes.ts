// Owns GET /api/health: version and database state, for load balancers and humans.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { VERSION } from '../../version.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/health', { config: { permission: 'public' } }, async (_req, reply) => {
      try {
        const [m] = await ctx.store.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
        return {
          status: 'ok',
          version: VERSION,
          database: { engine: ctx.store.dialect, ok: true, schema_version: m?.v ?? 0 },
        };
      } catch (e) {
        return reply.status(503).send({
          status: 'degraded',
          version: VERSION,
          database: { engine: ctx.store.dialect, ok: false, error: (e as Error).message },
        });
      }
    });
  };
