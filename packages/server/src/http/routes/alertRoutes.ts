// Owns /api/alerts: rules (list, create, edit, delete, a test delivery) and the history.
// `read` sees them; `manage_alerts` (members and up) changes them and sends tests.
import {
  AlertHistoryQuerySchema,
  AlertHistorySchema,
  AlertRuleListSchema,
  AlertRuleWrittenSchema,
  AlertTestResultSchema,
  CreateAlertRuleRequestSchema,
  UpdateAlertRuleRequestSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

const BASE = '/api/alerts/rules';

export const alertRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: BASE,
      permission: 'read',
      summary: "The workspace's alert rules, each with its channels and per-slice state",
      description: 'Every workspace starts with suggested rules (`suggested: true`), off until enabled.',
      replies: { 200: AlertRuleListSchema },
      handler: async (req) => ({ rules: await ctx.alerts.list(req.principal!.workspaceId) }),
    });
    apiRoute(app, {
      method: 'POST',
      url: BASE,
      permission: 'manage_alerts',
      summary: 'Create an alert rule',
      description:
        'The reply carries, once, the signing secret (`whsec_…`) of each webhook channel it created; later ' +
        'replies show only its last 4 characters (`secret_hint`).',
      body: CreateAlertRuleRequestSchema,
      replies: { 201: AlertRuleWrittenSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const written = await ctx.alerts.create(p.workspaceId, p.actor, req.body);
        reply.status(201);
        return written;
      },
    });
    apiRoute(app, {
      method: 'PATCH',
      url: `${BASE}/:id`,
      permission: 'manage_alerts',
      summary: 'Edit an alert rule',
      description:
        'Fields sent replace the stored ones. `channels` replaces the list: name an existing channel by `id` ' +
        'to keep it and its secret (and re-enable it if failures disabled it). A changed condition, or ' +
        'turning the rule off, resets its slice states.',
      body: UpdateAlertRuleRequestSchema,
      replies: { 200: AlertRuleWrittenSchema },
      handler: async (req) => {
        const p = req.principal!;
        return ctx.alerts.update(p.workspaceId, p.actor, req.params.id, req.body);
      },
    });
    apiRoute(app, {
      method: 'DELETE',
      url: `${BASE}/:id`,
      permission: 'manage_alerts',
      summary: 'Delete an alert rule (its history stays)',
      replies: { 204: null },
      handler: async (req, reply) => {
        const p = req.principal!;
        await ctx.alerts.remove(p.workspaceId, p.actor, req.params.id);
        reply.status(204);
      },
    });
    apiRoute(app, {
      method: 'POST',
      url: `${BASE}/:id/test`,
      permission: 'manage_alerts',
      summary: "Send a test notification to each of the rule's channels now",
      description: 'Each delivery is attempted once, at once; the reply says how each went (no retries).',
      replies: { 200: AlertTestResultSchema },
      handler: async (req) => {
        const p = req.principal!;
        return { event: await ctx.alerts.test(p.workspaceId, p.actor, req.params.id) };
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/alerts/history',
      permission: 'read',
      summary: 'Alert history, newest first: firings, resolves, reminders and tests, with their deliveries',
      query: AlertHistoryQuerySchema,
      replies: { 200: AlertHistorySchema },
      handler: async (req) => ({ events: await ctx.alerts.history(req.principal!.workspaceId, req.query) }),
    });
  };
