// Owns /api/analytics/experiments: list, create, read, edit (lifecycle), delete, results, drafts from the data.
// `read` sees them; `manage_experiments` (members and up) changes them.
import {
  CreateExperimentRequestSchema,
  ExperimentListSchema,
  ExperimentResultsQuerySchema,
  ExperimentResultsSchema,
  ExperimentSchema,
  ExperimentSuggestionListSchema,
  UpdateExperimentRequestSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

const BASE = '/api/analytics/experiments';

export const experimentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: BASE,
      permission: 'read',
      summary: "The workspace's experiments, newest first",
      replies: { 200: ExperimentListSchema },
      handler: async (req) => ({ experiments: await ctx.experiments.list(req.principal!.workspaceId) }),
    });
    apiRoute(app, {
      method: 'GET',
      url: `${BASE}/suggestions`,
      permission: 'read',
      summary: 'Drafts from the data: experiment names whose sessions no experiment covers yet',
      description:
        'Each suggestion carries `draft`, a create body: POST it as it is to create the experiment.',
      replies: { 200: ExperimentSuggestionListSchema },
      handler: async (req) => ({
        suggestions: await ctx.experiments.suggestions(req.principal!.workspaceId),
      }),
    });
    apiRoute(app, {
      method: 'POST',
      url: BASE,
      permission: 'manage_experiments',
      summary: 'Create an experiment (draft unless `status: running`)',
      body: CreateExperimentRequestSchema,
      replies: { 201: ExperimentSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const created = await ctx.experiments.create(p.workspaceId, p.actor, req.body);
        reply.status(201);
        return created;
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: `${BASE}/:id`,
      permission: 'read',
      summary: 'One experiment',
      replies: { 200: ExperimentSchema },
      handler: async (req) => ctx.experiments.get(req.principal!.workspaceId, req.params.id),
    });
    apiRoute(app, {
      method: 'PATCH',
      url: `${BASE}/:id`,
      permission: 'manage_experiments',
      summary: 'Edit an experiment or move it through draft → running ⇄ stopped → concluded',
      description:
        'Fields sent replace the stored ones; the result is checked as a whole. A status change records who ' +
        'made it and when; one the lifecycle does not allow is a 409 `invalid_status_change`.',
      body: UpdateExperimentRequestSchema,
      replies: { 200: ExperimentSchema },
      handler: async (req) => {
        const p = req.principal!;
        return ctx.experiments.update(p.workspaceId, p.actor, req.params.id, req.body);
      },
    });
    apiRoute(app, {
      method: 'DELETE',
      url: `${BASE}/:id`,
      permission: 'manage_experiments',
      summary: 'Delete an experiment (its conversations stay)',
      replies: { 204: null },
      handler: async (req, reply) => {
        const p = req.principal!;
        await ctx.experiments.remove(p.workspaceId, p.actor, req.params.id);
        reply.status(204);
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: `${BASE}/:id/results`,
      permission: 'read',
      summary: 'Results: each variant against the control, for every metric of the experiment',
      description:
        '`mode=sequential` (default while not concluded) gives always-valid intervals that stay valid however ' +
        'often they are looked at; `mode=fixed` (default once concluded) the fixed-horizon ones. Send ' +
        '`Cache-Control: no-cache` for results computed anew rather than from cached query replies.',
      query: ExperimentResultsQuerySchema,
      replies: { 200: ExperimentResultsSchema },
      handler: async (req) =>
        ctx.experiments.results(req.principal!.workspaceId, req.params.id, req.query.mode, {
          fresh: /no-cache/i.test(req.headers['cache-control'] ?? ''),
        }),
    });
  };
