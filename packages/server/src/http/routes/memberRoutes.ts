// Owns the member endpoints of a workspace: list, add (existing user, or create one with a password),
// change role, remove. The workspace comes from the path and the auth hook checks the caller belongs to it.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../AppContext.ts';
import { ROLES } from '../../accounts/permissions.ts';
import type { Actor } from '../../accounts/TeamService.ts';
import { parseBody } from '../parseBody.ts';

const AddMember = z.strictObject({
  email: z.email().max(254),
  role: z.enum(ROLES),
  password: z.string().min(8).max(1024).optional(),
  name: z.string().max(200).optional(),
});
const ChangeRole = z.strictObject({ role: z.enum(ROLES) });

/** An admin API key acts with the admin role: it manages members but never owners. */
const actorOf = (req: FastifyRequest): Actor => {
  const p = req.principal!;
  return { name: p.actor, role: p.kind === 'user' ? p.role! : 'admin' };
};

type Params = { Params: { id: string; userId: string } };

export const memberRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const cfg = (permission: 'read' | 'members') => ({ config: { permission, workspaceParam: 'id' } });

    app.get<Params>('/api/workspaces/:id/members', cfg('read'), async (req) => ({
      members: await ctx.memberships.members(req.principal!.workspaceId),
    }));

    app.post<Params>('/api/workspaces/:id/members', cfg('members'), async (req, reply) => {
      const body = parseBody(AddMember, req.body);
      return reply.status(201).send(await ctx.team.addMember(req.principal!.workspaceId, actorOf(req), body));
    });

    app.patch<Params>('/api/workspaces/:id/members/:userId', cfg('members'), async (req) => {
      const { role } = parseBody(ChangeRole, req.body);
      return ctx.team.setRole(req.principal!.workspaceId, actorOf(req), req.params.userId, role);
    });

    app.delete<Params>('/api/workspaces/:id/members/:userId', cfg('members'), async (req, reply) => {
      await ctx.team.removeMember(req.principal!.workspaceId, actorOf(req), req.params.userId);
      return reply.status(204).send();
    });
  };
