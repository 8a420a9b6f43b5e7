// Owns the API key endpoints of the caller's workspace: list, create (secret once), revoke. Admin scope.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../AppContext.ts';
import { SCOPES } from '../../auth/ApiKeyService.ts';
import { ApiError } from '../ApiError.ts';
import { parseBody } from '../parseBody.ts';

const CreateKey = z.strictObject({ scope: z.enum(SCOPES), name: z.string().max(200).optional() });

export const keyRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/keys', { config: { permission: 'admin' } }, async (req) => ({
      keys: await ctx.keys.list(req.principal!.workspaceId),
    }));
    app.post('/api/keys', { config: { permission: 'admin' } }, async (req, reply) => {
      const body = parseBody(CreateKey, req.body);
      const key = await ctx.keys.create(req.principal!.workspaceId, body.scope, {
        name: body.name,
        createdBy: `key:${req.principal!.keyId}`,
      });
      return reply.status(201).send(key);
    });
    app.delete<{ Params: { id: string } }>(
      '/api/keys/:id',
      { config: { permission: 'admin' } },
      async (req) => {
        if (!(await ctx.keys.revoke(req.principal!.workspaceId, req.params.id))) {
          throw new ApiError(404, 'not_found', 'no such API key in this workspace');
        }
        return { revoked: req.params.id };
      },
    );
  };
