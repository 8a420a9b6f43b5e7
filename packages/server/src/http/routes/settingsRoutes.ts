// Owns GET/PUT /api/settings: the workspace's price book and SLA threshold.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { SettingsPatchSchema } from '../../settings/SettingsService.ts';
import { parseBody } from '../parseBody.ts';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/settings', { config: { permission: 'read' } }, async (req) =>
      ctx.settings.get(req.principal!.workspaceId),
    );
    app.put('/api/settings', { config: { permission: 'settings' } }, async (req) =>
      ctx.settings.update(
        req.principal!.workspaceId,
        parseBody(SettingsPatchSchema, req.body),
        req.principal!.actor,
      ),
    );
  };
