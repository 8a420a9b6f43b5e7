// Owns the workspace endpoints: the caller's workspaces, creating one (caller becomes owner), deleting one.
import { CreateWorkspaceRequestSchema, WorkspaceListSchema, WorkspaceRefSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

export const workspaceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/workspaces',
      permission: 'authenticated',
      summary: "The caller's workspaces: a user's with their roles, a key's own one with its scope",
      replies: { 200: WorkspaceListSchema },
      handler: async (req) => {
        const p = req.principal!;
        if (p.kind === 'user') return { workspaces: await ctx.memberships.workspacesOf(p.userId) };
        // A key sees only its own workspace; it has a scope, not a role.
        const ws = await ctx.workspaces.get(p.workspaceId);
        return { workspaces: ws ? [{ id: ws.id, name: ws.name, role: null, scope: p.scope }] : [] };
      },
    });
    apiRoute(app, {
      method: 'POST',
      url: '/api/workspaces',
      permission: 'user',
      summary: 'Create a workspace; the caller becomes its owner',
      body: CreateWorkspaceRequestSchema,
      replies: { 201: WorkspaceRefSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        if (p.kind !== 'user')
          throw new ApiError(403, 'user_required', 'sign in as a user to create a workspace');
        const created = await ctx.team.createWorkspace(p.userId, p.actor, req.body.name);
        reply.status(201);
        return created;
      },
    });
    apiRoute(app, {
      method: 'DELETE',
      url: '/api/workspaces/:id',
      permission: 'delete_workspace',
      workspaceParam: 'id',
      summary: 'Delete a workspace with all its data (not the default workspace)',
      replies: { 204: null },
      handler: async (req, reply) => {
        await ctx.team.deleteWorkspace(req.principal!.workspaceId);
        reply.status(204);
      },
    });
  };
