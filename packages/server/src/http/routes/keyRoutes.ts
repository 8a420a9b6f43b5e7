// Owns the API key endpoints of the caller's workspace: list, create (secret once), revoke. Permission `keys`
// (admin role or admin key); creation and revocation are written to the activity log.
import {
  ApiKeyListSchema,
  CreatedApiKeySchema,
  CreateKeyRequestSchema,
  RevokedKeySchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

export const keyRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/keys',
      permission: 'keys',
      summary: "The workspace's API keys (revoked ones included), oldest first",
      replies: { 200: ApiKeyListSchema },
      handler: async (req) => ({ keys: await ctx.keys.list(req.principal!.workspaceId) }),
    });
    apiRoute(app, {
      method: 'POST',
      url: '/api/keys',
      permission: 'keys',
      summary: 'Create an API key; the reply holds its secret, shown this once',
      body: CreateKeyRequestSchema,
      replies: { 201: CreatedApiKeySchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const key = await ctx.keys.create(p.workspaceId, req.body.scope, {
          name: req.body.name,
          createdBy: p.actor,
        });
        await ctx.activity.record(p.workspaceId, p.actor, 'key.create', key.prefix, {
          id: key.id,
          scope: key.scope,
          name: key.name,
        });
        reply.status(201);
        return key;
      },
    });
    apiRoute(app, {
      method: 'DELETE',
      url: '/api/keys/:id',
      permission: 'keys',
      summary: 'Revoke an API key at once',
      replies: { 200: RevokedKeySchema },
      handler: async (req) => {
        const p = req.principal!;
        const [key] = await ctx.keys.list(p.workspaceId, req.params.id);
        if (!key || !(await ctx.keys.revoke(p.workspaceId, req.params.id))) {
          throw new ApiError(404, 'not_found', 'no such API key in this workspace');
        }
        await ctx.activity.record(p.workspaceId, p.actor, 'key.revoke', key.prefix, {
          id: key.id,
          scope: key.scope,
        });
        return { revoked: req.params.id };
      },
    });
  };
