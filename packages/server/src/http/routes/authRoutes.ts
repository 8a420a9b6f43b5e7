// Owns the sign-in endpoints: first-run setup, login, logout, the current session, password change.
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  type Session,
  SessionSchema,
  SetupRequestSchema,
  SetupStatusSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { assertCsrf } from '../../auth/csrf.ts';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from '../../auth/sessionCookie.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    /** The session object of the contract: the user, their workspaces with roles, the CSRF token. */
    const sessionBody = async (
      user: { id: string; email: string; name: string | null },
      csrf: string,
    ): Promise<Session> => ({
      user: { id: user.id, email: user.email, name: user.name },
      workspaces: await ctx.memberships.workspacesOf(user.id),
      csrf_token: csrf,
    });

    // Not returning the reply: a FastifyReply is thenable, and awaiting it waits for the response itself.
    const startSession = (req: FastifyRequest, reply: FastifyReply, token: string): void => {
      reply.header('set-cookie', sessionCookie(req, token, ctx.sessions.maxAgeSeconds));
    };

    apiRoute(app, {
      method: 'GET',
      url: '/api/auth/setup',
      permission: 'public',
      summary: 'Whether first-run setup is needed (no user exists yet)',
      replies: { 200: SetupStatusSchema },
      handler: async () => ({ needed: (await ctx.users.count()) === 0 }),
    });

    apiRoute(app, {
      method: 'POST',
      url: '/api/auth/setup',
      permission: 'public',
      summary: 'First run: create the first user (owner of the default workspace) and sign in',
      description: 'Sets the session cookie. Refused once any user exists.',
      body: SetupRequestSchema,
      replies: { 201: SessionSchema },
      handler: async (req, reply) => {
        const user = await ctx.accounts.setup(req.body);
        const session = await ctx.sessions.create(user.id, {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
        startSession(req, reply, session.token);
        reply.status(201);
        return sessionBody(user, session.csrfToken);
      },
    });

    apiRoute(app, {
      method: 'POST',
      url: '/api/auth/login',
      permission: 'public',
      summary: 'Sign in with email and password; sets the session cookie',
      body: LoginRequestSchema,
      replies: { 200: SessionSchema },
      handler: async (req, reply) => {
        const r = await ctx.accounts.login(req.body.email, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
        startSession(req, reply, r.token);
        return sessionBody(r.user, r.csrfToken);
      },
    });

    // Public so that signing out with an already expired session still clears the cookie; a live session
    // is only ended with its CSRF token (no cross-site forced logout).
    apiRoute(app, {
      method: 'POST',
      url: '/api/auth/logout',
      permission: 'public',
      summary: 'Sign out: ends the session (with its CSRF token) and clears the cookie',
      replies: { 204: null },
      handler: async (req, reply) => {
        const token = readSessionCookie(req);
        const session = token ? await ctx.sessions.resolve(token) : null;
        if (session) {
          assertCsrf(req, session.csrfToken);
          await ctx.sessions.revokeById(session.id);
        }
        reply.header('set-cookie', clearedSessionCookie(req)).status(204);
      },
    });

    apiRoute(app, {
      method: 'GET',
      url: '/api/auth/session',
      permission: 'user',
      summary: 'The signed-in user, their workspaces and the CSRF token',
      replies: { 200: SessionSchema },
      handler: async (req) => {
        const p = req.principal!;
        if (p.kind !== 'user') throw new ApiError(401, 'unauthenticated', 'no session');
        return sessionBody({ id: p.userId, email: p.email, name: p.name }, p.csrfToken);
      },
    });

    apiRoute(app, {
      method: 'POST',
      url: '/api/auth/password',
      permission: 'user',
      summary: "Change the signed-in user's password (other sessions end)",
      body: ChangePasswordRequestSchema,
      replies: { 204: null },
      handler: async (req, reply) => {
        const p = req.principal!;
        if (p.kind !== 'user') throw new ApiError(401, 'unauthenticated', 'no session');
        await ctx.accounts.changePassword(
          p.userId,
          p.sessionId,
          req.body.current_password,
          req.body.new_password,
        );
        reply.status(204);
      },
    });
  };
