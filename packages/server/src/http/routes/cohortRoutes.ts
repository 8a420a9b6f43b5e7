// Owns /api/analytics/cohorts: list, create, read, edit, delete, the live preview and the retention matrix.
// `read` sees them; `manage_experiments` (members and up) changes them.
import {
  CohortListSchema,
  CohortPreviewRequestSchema,
  CohortPreviewSchema,
  CohortRetentionQuerySchema,
  CohortRetentionSchema,
  CohortSchema,
  CreateCohortRequestSchema,
  UpdateCohortRequestSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

const BASE = '/api/analytics/cohorts';

export const cohortRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: BASE,
      permission: 'read',
      summary: "The workspace's cohorts, by name, with their size and last computation",
      replies: { 200: CohortListSchema },
      handler: async (req) => ({ cohorts: await ctx.cohorts.list(req.principal!.workspaceId) }),
    });
    apiRoute(app, {
      method: 'POST',
      url: BASE,
      permission: 'manage_experiments',
      summary: 'Create a cohort; its membership is computed by a `cohort_membership` job (status `pending`)',
      body: CreateCohortRequestSchema,
      replies: { 201: CohortSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const created = await ctx.cohorts.create(p.workspaceId, p.actor, req.body);
        reply.status(201);
        return created;
      },
    });
    apiRoute(app, {
      method: 'POST',
      url: `${BASE}/preview`,
      permission: 'read',
      summary: 'How many users a definition matches now (the live count while editing); nothing is stored',
      body: CohortPreviewRequestSchema,
      replies: { 200: CohortPreviewSchema },
      handler: async (req) => ctx.cohorts.preview(req.principal!.workspaceId, req.body.definition),
    });
    apiRoute(app, {
      method: 'GET',
      url: `${BASE}/:id`,
      permission: 'read',
      summary: 'One cohort',
      replies: { 200: CohortSchema },
      handler: async (req) => ctx.cohorts.get(req.principal!.workspaceId, req.params.id),
    });
    apiRoute(app, {
      method: 'PATCH',
      url: `${BASE}/:id`,
      permission: 'manage_experiments',
      summary: 'Edit a cohort; a new definition sets it `pending` and recomputes its membership',
      body: UpdateCohortRequestSchema,
      replies: { 200: CohortSchema },
      handler: async (req) => {
        const p = req.principal!;
        return ctx.cohorts.update(p.workspaceId, p.actor, req.params.id, req.body);
      },
    });
    apiRoute(app, {
      method: 'DELETE',
      url: `${BASE}/:id`,
      permission: 'manage_experiments',
      summary: 'Delete a cohort and its membership (its users stay)',
      replies: { 204: null },
      handler: async (req, reply) => {
        const p = req.principal!;
        await ctx.cohorts.remove(p.workspaceId, p.actor, req.params.id);
        reply.status(204);
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: `${BASE}/:id/retention`,
      permission: 'read',
      summary: 'Retention: members by first-seen week or month × periods since, the share returning',
      description:
        'Rows are the last `periods` complete periods in which members were first seen (in the whole data); ' +
        'cell k counts those with a message k periods later. Only complete periods are shown.',
      query: CohortRetentionQuerySchema,
      replies: { 200: CohortRetentionSchema },
      handler: async (req) =>
        ctx.cohorts.retention(req.principal!.workspaceId, req.params.id, req.query.period, req.query.periods),
    });
  };
