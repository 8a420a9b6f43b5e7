// Owns the API key endpoints of the caller's workspace: list, create (secret once), revoke. Permission `keys`
// (admin role or admin key); creation and revocation are written to the activity log.
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
    app.get('/api/keys', { config: { permission: 'keys' } }, async (req) => ({
      keys: await ctx.keys.list(req.principal!.workspaceId),
    }));
    app.post('/api/keys', { config: { permission: 'keys' } }, async (req, reply) => {
      const body = parseBody(CreateKey, req.body);
      const p = req.principal!;
      const key = await ctx.keys.create(p.workspaceId, body.scope, { name: body.name, createdBy: p.actor });
      await ctx.activity.record(p.workspaceId, p.actor, 'key.create', key.prefix, {
        id: key.id,
        scope: key.scope,
        name: key.name,
      });
      return reply.status(201).send(key);
    });
    app.delete<{ Params: { id: string } }>(
      '/api/keys/:id',
      { config: { permission: 'keys' } },
      async (req) => {
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
    );
  };
