// Owns the workspace endpoints: the caller's workspaces, creating one (caller becomes owner), deleting one.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../AppContext.ts';
import { ApiError } from '../ApiError.ts';
import { parseBody } from '../parseBody.ts';

const CreateWorkspace = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const workspaceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/workspaces', { config: { permission: 'authenticated' } }, async (req) => {
      const p = req.principal!;
      if (p.kind === 'user') return { workspaces: await ctx.memberships.workspacesOf(p.userId) };
      // A key sees only its own workspace; it has a scope, not a role.
      const ws = await ctx.workspaces.get(p.workspaceId);
      return { workspaces: ws ? [{ id: ws.id, name: ws.name, role: null, scope: p.scope }] : [] };
    });

    app.post('/api/workspaces', { config: { permission: 'user' } }, async (req, reply) => {
      const p = req.principal!;
      if (p.kind !== 'user')
        throw new ApiError(403, 'user_required', 'sign in as a user to create a workspace');
      const { name } = parseBody(CreateWorkspace, req.body);
      return reply.status(201).send(await ctx.team.createWorkspace(p.userId, p.actor, name));
    });

    app.delete<{ Params: { id: string } }>(
      '/api/workspaces/:id',
      { config: { permission: 'delete_workspace', workspaceParam: 'id' } },
      async (req, reply) => {
        await ctx.team.deleteWorkspace(req.principal!.workspaceId);
        return reply.status(204).send();
      },
    );
  };
