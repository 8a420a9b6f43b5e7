// Owns GET/PUT /api/settings: the workspace's price book and SLA threshold.
import { SettingsPatchSchema, SettingsSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/settings',
      permission: 'read',
      summary: "The workspace's settings: price book and SLA threshold",
      replies: { 200: SettingsSchema },
      handler: async (req) => ctx.settings.get(req.principal!.workspaceId),
    });
    apiRoute(app, {
      method: 'PUT',
      url: '/api/settings',
      permission: 'settings',
      summary: 'Change settings: each top-level key sent replaces the stored one',
      body: SettingsPatchSchema,
      replies: { 200: SettingsSchema },
      handler: async (req) => ctx.settings.update(req.principal!.workspaceId, req.body, req.principal!.actor),
    });
  };
