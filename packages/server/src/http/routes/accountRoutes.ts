// Owns registering every accounts route plugin (auth, workspaces, members, activity, team view) as one plugin.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { activityRoutes } from './activityRoutes.ts';
import { authRoutes } from './authRoutes.ts';
import { memberRoutes } from './memberRoutes.ts';
import { teamRoutes } from './teamRoutes.ts';
import { workspaceRoutes } from './workspaceRoutes.ts';

export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(workspaceRoutes(ctx));
    await app.register(memberRoutes(ctx));
    await app.register(activityRoutes(ctx));
    await app.register(teamRoutes(ctx));
  };
