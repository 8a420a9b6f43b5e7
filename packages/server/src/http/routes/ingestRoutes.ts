// Owns POST /api/ingest: thin — auth (scope ingest) → IngestService → {accepted}.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';

export const ingestRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/ingest', { config: { permission: 'ingest' } }, async (req) =>
      ctx.ingest.ingest(req.principal!.workspaceId, req.body),
    );
  };
