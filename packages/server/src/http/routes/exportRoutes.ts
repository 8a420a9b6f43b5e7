// Owns the exports endpoints (permission `export`): the seed's POST /api/analytics/export and download, and
// the workspace's list of exports and one export's state.
import { createReadStream } from 'node:fs';
import {
  ExportInfoSchema,
  ExportListQuerySchema,
  ExportListSchema,
  ExportReplySchema,
  ExportRequestSchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { contentDisposition } from '../../exports/service/exportFiles.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

const FILE_TYPES = [
  'text/csv; charset=utf-8',
  'application/json',
  'application/x-ndjson',
  'application/vnd.apache.parquet',
  'application/zip',
  'text/html; charset=utf-8',
  'application/pdf',
];

export const exportRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    apiRoute(app, {
      method: 'POST',
      url: '/api/analytics/export',
      permission: 'export',
      summary: 'Export analytics as CSV, JSON, JSONL, Parquet, an HTML report or a PDF report',
      description:
        'Small exports are written inside the request: 200 with `status: "done"` and the file ready at ' +
        '`downloadUrl`. A `complete` export of more rows than EXPORT_INLINE_MAX_ROWS runs as a background ' +
        'job: 202 with `status: "queued"` at once; poll GET /api/analytics/exports/{exportId}. 429 ' +
        '`export_quota_exceeded` when the workspace holds EXPORT_MAX_BYTES_PER_WORKSPACE of unexpired files.',
      body: ExportRequestSchema,
      replies: { 200: ExportReplySchema, 202: ExportReplySchema },
      handler: async (req, reply) => {
        const p = req.principal!;
        const out = await ctx.exports.create(p.workspaceId, p.actor, req.body);
        if (out.status === 'queued') reply.status(202);
        return out;
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/exports',
      permission: 'export',
      summary: "The workspace's exports, newest first: status, progress, rows, size, requester, expiry",
      query: ExportListQuerySchema,
      replies: { 200: ExportListSchema },
      handler: async (req) => ctx.exports.list(req.principal!.workspaceId, req.query),
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/exports/:id',
      permission: 'export',
      summary: "One export's state (poll a queued one until `done` or `failed`)",
      replies: { 200: ExportInfoSchema },
      handler: async (req) => {
        const e = await ctx.exports.get(req.principal!.workspaceId, req.params.id);
        if (!e) throw new ApiError(404, 'export_not_found', 'no such export in this workspace');
        return e;
      },
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/download/:id',
      permission: 'export',
      summary: "Download an export's file (streamed from disk)",
      description:
        '404 `export_not_found` for an export of another workspace, 409 `export_not_ready` / `export_failed` ' +
        'before it is done, 410 `export_expired` after EXPORT_TTL_HOURS.',
      file: { mediaTypes: FILE_TYPES },
      replies: { 200: null },
      handler: async (req, reply) => {
        const f = await ctx.exports.download(req.principal!.workspaceId, req.params.id);
        reply
          .header('content-type', f.contentType)
          .header('content-length', String(f.bytes))
          .header('content-disposition', contentDisposition(f.fileName))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff');
        await reply.send(createReadStream(f.path));
      },
    });
  };
