// Owns POST /api/ingest: thin — auth (scope ingest) → IngestService → {accepted}.
import { IngestAcceptedSchema, IngestBatchSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

export const ingestRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'POST',
      url: '/api/ingest',
      permission: 'ingest',
      summary: 'Ingest a batch of models, conversations, messages and evaluations (all or nothing)',
      description: 'Idempotent: a record sent again with the same id replaces the stored one.',
      body: IngestBatchSchema,
      // IngestService validates with its fast checker first; zod judges only what that one defers.
      rawBody: true,
      replies: { 200: IngestAcceptedSchema },
      handler: async (req) => ctx.ingest.ingest(req.principal!.workspaceId, req.body),
    });
  };
