// Owns the background jobs endpoints of the caller's workspace: list and read them (`read`), and run trace
// retention now (`settings`: admins).
import { JobListQuerySchema, JobListSchema, JobSchema } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { enqueueRetention } from '../../jobs/retentionJob.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

export const jobRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'GET',
      url: '/api/jobs',
      permission: 'read',
      summary: "The workspace's background jobs, newest first; filter by `kind` and `status`",
      query: JobListQuerySchema,
      replies: { 200: JobListSchema },
      handler: async (req) => ({ jobs: await ctx.jobs.list(req.principal!.workspaceId, req.query) }),
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/jobs/:id',
      permission: 'read',
      summary: 'One background job: its status, progress, result or error',
      replies: { 200: JobSchema },
      handler: async (req) => {
        const job = await ctx.jobs.get(req.principal!.workspaceId, req.params.id);
        if (!job) throw new ApiError(404, 'job_not_found', 'no such job in this workspace');
        return job;
      },
    });
    apiRoute(app, {
      method: 'POST',
      url: '/api/jobs/retention',
      permission: 'settings',
      summary: 'Delete the spans older than TRACE_RETENTION_DAYS now (a retention job)',
      description:
        'Queues a retention job for the workspace, or answers with the one already queued or running. ' +
        'Poll GET /api/jobs/{id} for its progress and result (`removed` spans); with ' +
        'TRACE_RETENTION_DAYS=0 it removes nothing.',
      replies: { 202: JobSchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const id = await enqueueRetention(ctx.jobRunner, p.workspaceId, {
          retention_days: ctx.config.traceRetentionDays,
          requested_by: p.actor,
        });
        const job = await ctx.jobs.get(p.workspaceId, id);
        if (!job) throw new ApiError(500, 'internal_error', 'the queued job cannot be read back');
        reply.status(202);
        return job;
      },
    });
  };
