// Owns /api/analytics/anomalies: the stored anomalies (`read`), triage and scans on demand (`manage_alerts`).
import {
  AnomalyListQuerySchema,
  AnomalyListSchema,
  AnomalyPatchSchema,
  AnomalyRecordSchema,
  JobSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { enqueueAnomalyScan } from '../../anomalies/anomalyScanJob.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

const BASE = '/api/analytics/anomalies';

export const anomalyRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: BASE,
      permission: 'read',
      summary: "The workspace's detected anomalies, newest first",
      description:
        '`sensitivity` (default medium) shows anomalies at most that sensitive: `low` only the plainest, `high` ' +
        'everything the scan found. `startDate`/`endDate` keep anomalies overlapping the window (a date-only ' +
        'end includes that day); `model` / `provider` keep that slice; `metric`, `status`, `granularity` as named.',
      query: AnomalyListQuerySchema,
      replies: { 200: AnomalyListSchema },
      handler: async (req) => ({
        anomalies: await ctx.anomalies.list(req.principal!.workspaceId, req.query),
      }),
    });
    apiRoute(app, {
      method: 'POST',
      url: `${BASE}/scan`,
      permission: 'manage_alerts',
      summary: 'Scan for anomalies now (an `anomaly_scan` job)',
      description:
        'Queues a scan of the last 90 days for the workspace, or answers with the one already queued or ' +
        'running. Poll GET /api/jobs/{id} for its progress and result (anomalies detected, inserted, updated).',
      replies: { 202: JobSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const id = await enqueueAnomalyScan(ctx.jobRunner, p.workspaceId, { requested_by: p.actor });
        const job = await ctx.jobs.get(p.workspaceId, id);
        if (!job) throw new ApiError(500, 'internal_error', 'the queued job cannot be read back');
        reply.status(202);
        return job;
      },
    });
    apiRoute(app, {
      method: 'PATCH',
      url: `${BASE}/:id`,
      permission: 'manage_alerts',
      summary: 'Acknowledge, resolve or reopen an anomaly',
      description:
        'Records who acknowledged or resolved it and when; `open` clears both. A re-scan keeps the status.',
      body: AnomalyPatchSchema,
      replies: { 200: AnomalyRecordSchema },
      handler: async (req) => {
        const p = req.principal!;
        return ctx.anomalies.patch(p.workspaceId, p.actor, req.params.id, req.body.status);
      },
    });
  };
