// Owns the member endpoints of a workspace: list, add (existing user, or create one with a password),
// change role, remove. The workspace comes from the path and the auth hook checks the caller belongs to it.
import {
  AddMemberRequestSchema,
  ChangeRoleRequestSchema,
  MemberListSchema,
  MemberSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import type { Actor } from '../../accounts/TeamService.ts';
import { apiRoute } from '../apiRoute.ts';

/** An admin API key acts with the admin role: it manages members but never owners. */
const actorOf = (req: FastifyRequest): Actor => {
  const p = req.principal!;
  return { name: p.actor, role: p.kind === 'user' ? p.role! : 'admin' };
};

export const memberRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const members = '/api/workspaces/:id/members';
    const member = `${members}/:userId`;
    const ws = (req: FastifyRequest) => req.principal!.workspaceId;

    apiRoute(app, {
      method: 'GET',
      url: members,
      permission: 'read',
      workspaceParam: 'id',
      summary: "The workspace's members with their roles",
      replies: { 200: MemberListSchema },
      handler: async (req) => ({ members: await ctx.memberships.members(ws(req)) }),
    });
    apiRoute(app, {
      method: 'POST',
      url: members,
      permission: 'members',
      workspaceParam: 'id',
      summary: 'Add a member by email (an unknown email with a password creates the user)',
      body: AddMemberRequestSchema,
      replies: { 201: MemberSchema },
      handler: async (req, reply) => {
        const added = await ctx.team.addMember(ws(req), actorOf(req), req.body);
        reply.status(201);
        return added;
      },
    });
    apiRoute(app, {
      method: 'PATCH',
      url: member,
      permission: 'members',
      workspaceParam: 'id',
      summary: "Change a member's role (only owners touch owners; the last owner stays)",
      body: ChangeRoleRequestSchema,
      replies: { 200: MemberSchema },
      handler: async (req) => ctx.team.setRole(ws(req), actorOf(req), req.params.userId, req.body.role),
    });
    apiRoute(app, {
      method: 'DELETE',
      url: member,
      permission: 'members',
      workspaceParam: 'id',
      summary: 'Remove a member from the workspace',
      replies: { 204: null },
      handler: async (req, reply) => {
        await ctx.team.removeMember(ws(req), actorOf(req), req.params.userId);
        reply.status(204);
      },
    });
  };
