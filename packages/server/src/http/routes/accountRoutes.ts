// Owns registering every accounts route plugin (auth, workspaces, members, activity) as one plugin.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { activityRoutes } from './activityRoutes.ts';
import { authRoutes } from './authRoutes.ts';
import { memberRoutes } from './memberRoutes.ts';
import { workspaceRoutes } from './workspaceRoutes.ts';

export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(workspaceRoutes(ctx));
    await app.register(memberRoutes(ctx));
    await app.register(activityRoutes(ctx));
  };
