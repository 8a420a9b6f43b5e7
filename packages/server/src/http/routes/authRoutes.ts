// Owns the sign-in endpoints: first-run setup, login, logout, the current session, password change.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../AppContext.ts';
import { MIN_PASSWORD_LENGTH } from '../../accounts/AccountService.ts';
import { assertCsrf } from '../../auth/csrf.ts';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from '../../auth/sessionCookie.ts';
import { ApiError } from '../ApiError.ts';
import { parseBody } from '../parseBody.ts';

const Email = z.email().max(254);
const NewPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024);
const Setup = z.strictObject({ email: Email, password: NewPassword, name: z.string().max(200).optional() });
const Login = z.strictObject({ email: z.string().max(254), password: z.string().max(1024) });
const ChangePassword = z.strictObject({ current_password: z.string().max(1024), new_password: NewPassword });

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    /** The session object of the contract: the user, their workspaces with roles, the CSRF token. */
    const sessionBody = async (user: { id: string; email: string; name: string | null }, csrf: string) => ({
      user: { id: user.id, email: user.email, name: user.name },
      workspaces: await ctx.memberships.workspacesOf(user.id),
      csrf_token: csrf,
    });

    // Not returning the reply: a FastifyReply is thenable, and awaiting it waits for the response itself.
    const startSession = (req: FastifyRequest, reply: FastifyReply, token: string): void => {
      reply.header('set-cookie', sessionCookie(req, token, ctx.sessions.maxAgeSeconds));
    };

    app.get('/api/auth/setup', { config: { permission: 'public' } }, async () => ({
      needed: (await ctx.users.count()) === 0,
    }));

    app.post('/api/auth/setup', { config: { permission: 'public' } }, async (req, reply) => {
      const body = parseBody(Setup, req.body);
      const user = await ctx.accounts.setup(body);
      const session = await ctx.sessions.create(user.id, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      startSession(req, reply, session.token);
      return reply.status(201).send(await sessionBody(user, session.csrfToken));
    });

    app.post('/api/auth/login', { config: { permission: 'public' } }, async (req, reply) => {
      const body = parseBody(Login, req.body);
      const r = await ctx.accounts.login(body.email, body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      startSession(req, reply, r.token);
      return sessionBody(r.user, r.csrfToken);
    });

    // Public so that signing out with an already expired session still clears the cookie; a live session
    // is only ended with its CSRF token (no cross-site forced logout).
    app.post('/api/auth/logout', { config: { permission: 'public' } }, async (req, reply) => {
      const token = readSessionCookie(req);
      const session = token ? await ctx.sessions.resolve(token) : null;
      if (session) {
        assertCsrf(req, session.csrfToken);
        await ctx.sessions.revokeById(session.id);
      }
      return reply.header('set-cookie', clearedSessionCookie(req)).status(204).send();
    });

    app.get('/api/auth/session', { config: { permission: 'user' } }, async (req) => {
      const p = req.principal!;
      if (p.kind !== 'user') throw new ApiError(401, 'unauthenticated', 'no session');
      return sessionBody({ id: p.userId, email: p.email, name: p.name }, p.csrfToken);
    });

    app.post('/api/auth/password', { config: { permission: 'user' } }, async (req, reply) => {
      const p = req.principal!;
      if (p.kind !== 'user') throw new ApiError(401, 'unauthenticated', 'no session');
      const body = parseBody(ChangePassword, req.body);
      await ctx.accounts.changePassword(p.userId, p.sessionId, body.current_password, body.new_password);
      return reply.status(204).send();
    });
  };
