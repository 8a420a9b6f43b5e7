// Owns export requests end to end: answering small ones with the file ready, queueing large ones as `export`
// jobs, the workspace's list and quota, downloads (expiry, readiness) and deleting expired files.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  ExportInfo,
  ExportList,
  ExportListQuery,
  ExportReply,
  ExportRequest,
} from '@llm-analytics/core';
import { ApiError } from '../../http/ApiError.ts';
import type { ReportProgress } from '../../jobs/JobKind.ts';
import type { JobRunner } from '../../jobs/JobRunner.ts';
import type { WorkspaceService } from '../../workspaces/WorkspaceService.ts';
import { findExport } from '../queries/findExport.ts';
import { finishExport } from '../queries/finishExport.ts';
import { insertExport } from '../queries/insertExport.ts';
import { listExpiredExports } from '../queries/listExpiredExports.ts';
import { listExports } from '../queries/listExports.ts';
import { markExportExpired } from '../queries/markExportExpired.ts';
import { sumExportBytes } from '../queries/sumExportBytes.ts';
import { estimateCompleteRows } from './estimateCompleteRows.ts';
import {
  downloadName,
  removePartials,
  removeStaleScratch,
  storedPath,
  workspaceFolder,
} from './exportFiles.ts';
import { toExportInfo } from './exportInfo.ts';
import { type ProduceDeps, produceExport, requestFileType } from './produceExport.ts';

export const EXPORT_JOB = 'export';

export interface ExportLimits {
  dir: string;
  ttlHours: number;
  /** 0: no quota. */
  maxBytesPerWorkspace: number;
  inlineMaxRows: number;
}

export interface ExportFile {
  path: string;
  fileName: string;
  contentType: string;
  bytes: number;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
/** Progress is stored (a heartbeat transaction) at most this often. */
const PROGRESS_EVERY_MS = 500;

export class ExportService {
  constructor(
    private readonly deps: ProduceDeps & { workspaces: WorkspaceService },
    private readonly runner: JobRunner,
    readonly limits: ExportLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private ttlMs = () => Math.round(this.limits.ttlHours * 3_600_000);

  /** 429 once the workspace's unexpired files reach the quota (with `adding` bytes more). */
  private async checkQuota(workspaceId: string, adding = 0): Promise<void> {
    const max = this.limits.maxBytesPerWorkspace;
    if (max === 0) return;
    const used = await sumExportBytes(this.deps.store, workspaceId, this.now());
    if (used + adding > max || (adding === 0 && used >= max)) {
      const what = adding ? `this export (${mb(adding)}) would bring them to ${mb(used + adding)}` : 'they';
      throw new ApiError(
        429,
        'export_quota_exceeded',
        `the workspace's export files take ${mb(used)} and ${what} of its ${mb(max)} quota ` +
          `(EXPORT_MAX_BYTES_PER_WORKSPACE); files are deleted ${this.limits.ttlHours} h after they are made`,
      );
    }
  }

  async create(workspaceId: string, actor: string, r: ExportRequest): Promise<ExportReply> {
    await this.checkQuota(workspaceId);
    const id = randomUUID();
    const createdMs = this.now();
    const type = requestFileType(r);
    const fileName = downloadName(r, type.extension);
    const filePath = storedPath(workspaceId, id, type.extension);
    const base = {
      id,
      workspaceId,
      format: r.format,
      exportType: r.exportType,
      request: JSON.stringify(r),
      fileName,
      contentType: type.contentType,
      requestedBy: actor,
      createdMs,
    };
    const reply = {
      success: true as const,
      exportId: id,
      downloadUrl: `/api/analytics/download/${id}`,
      fileName,
    };
    const large =
      r.exportType === 'complete' &&
      (await estimateCompleteRows(this.deps.analytics, workspaceId, r, new Date(createdMs))) >
        this.limits.inlineMaxRows;
    if (large) {
      const expiresMs = createdMs + this.ttlMs();
      await this.runner.enqueue(
        workspaceId,
        EXPORT_JOB,
        { export_id: id },
        {
          id,
          alongside: (tx) =>
            insertExport(tx, {
              ...base,
              jobId: id,
              status: 'queued',
              filePath: null,
              fileBytes: 0,
              rows: 0,
              finishedMs: null,
              expiresMs,
            }),
        },
      );
      return {
        ...reply,
        fileSize: 0,
        expiresAt: new Date(expiresMs).toISOString(),
        status: 'queued',
        rows: 0,
      };
    }
    const out = await this.write(workspaceId, id, r, filePath, new Date(createdMs), () => {});
    const finishedMs = this.now();
    const expiresMs = finishedMs + this.ttlMs();
    await this.deps.store.transaction((tx) =>
      insertExport(tx, {
        ...base,
        jobId: null,
        status: 'done',
        filePath,
        fileBytes: out.bytes,
        rows: out.rows,
        finishedMs,
        expiresMs,
      }),
    );
    const expiresAt = new Date(expiresMs).toISOString();
    return { ...reply, fileSize: out.bytes, expiresAt, status: 'done', rows: out.rows };
  }

  /** Writes the file (temporary name, renamed when complete) and holds it to the quota. */
  private async write(
    workspaceId: string,
    id: string,
    r: ExportRequest,
    filePath: string,
    now: Date,
    onProgress: (fraction: number) => void,
  ): Promise<{ bytes: number; rows: number }> {
    const path = join(this.limits.dir, filePath);
    await mkdir(dirname(path), { recursive: true });
    await removePartials(dirname(path), id);
    const ws = await this.deps.workspaces.get(workspaceId);
    const out = await produceExport(this.deps, { id: workspaceId, name: ws?.name }, r, now, path, (p) =>
      onProgress(p.total ? p.rows / p.total : 0),
    );
    try {
      await this.checkQuota(workspaceId, out.bytes);
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return out;
  }

  /** The `export` job kind's work: writes the queued export's file and records its end. */
  async runJob(
    job: { id: string; workspace_id: string; payload: Record<string, unknown> },
    report: ReportProgress,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const ws = job.workspace_id;
    const id = String(job.payload.export_id ?? job.id);
    const row = await findExport(this.deps.store, ws, id);
    if (!row) return { export_id: id, skipped: 'the export no longer exists' };
    if (row.status !== 'queued') return { export_id: id, skipped: `the export is ${row.status} already` };
    const r = (typeof row.request === 'string' ? JSON.parse(row.request) : row.request) as ExportRequest;
    if (!row.file_path) row.file_path = storedPath(ws, id, requestFileType(r).extension);
    let last = 0;
    let stored: Promise<void> = Promise.resolve();
    let lost: unknown;
    try {
      const out = await this.write(ws, id, r, row.file_path, new Date(Number(row.created_ms)), (fraction) => {
        // Thrown inside the writer's loop: the write stops and its temporary file is removed.
        if (signal.aborted) throw new Error('the runner stopped');
        if (lost) throw lost;
        const t = this.now();
        if (t - last < PROGRESS_EVERY_MS) return;
        last = t;
        stored = stored
          .then(() => report(Math.min(fraction, 0.99)))
          .catch((e) => {
            lost = e;
          });
      });
      await stored;
      if (lost) throw lost;
      const finishedMs = this.now();
      const end = {
        status: 'done' as const,
        filePath: row.file_path,
        fileBytes: out.bytes,
        rows: out.rows,
        expiresMs: finishedMs + this.ttlMs(),
      };
      await this.deps.store.transaction((tx) => finishExport(tx, ws, id, finishedMs, end));
      return { export_id: id, rows: out.rows, bytes: out.bytes };
    } catch (e) {
      // Stopping: the runner queues the job again and the next run starts clean. Otherwise the row records why.
      if (!signal.aborted && !lost) {
        const error = e instanceof Error ? e.message : String(e);
        await this.deps.store.transaction((tx) =>
          finishExport(tx, ws, id, this.now(), { status: 'failed', error }),
        );
      }
      throw e;
    }
  }

  async list(workspaceId: string, q: ExportListQuery): Promise<ExportList> {
    const now = this.now();
    const rows = await listExports(this.deps.store, workspaceId, q.status ? 200 : q.limit);
    const exports = rows
      .map((row) => toExportInfo(row, now))
      .filter((e) => !q.status || e.status === q.status);
    return {
      exports: exports.slice(0, q.limit),
      usedBytes: await sumExportBytes(this.deps.store, workspaceId, now),
      quotaBytes: this.limits.maxBytesPerWorkspace || null,
    };
  }

  async get(workspaceId: string, id: string): Promise<ExportInfo | null> {
    const row = await findExport(this.deps.store, workspaceId, id);
    return row ? toExportInfo(row, this.now()) : null;
  }

  /** The complete file of a done, unexpired export of this workspace; the ApiError that says why not otherwise. */
  async download(workspaceId: string, id: string): Promise<ExportFile> {
    const row = await findExport(this.deps.store, workspaceId, id);
    if (!row) throw new ApiError(404, 'export_not_found', 'no such export in this workspace');
    const info = toExportInfo(row, this.now());
    if (info.status === 'expired')
      throw new ApiError(410, 'export_expired', `this export expired at ${info.expiresAt}; export again`);
    if (info.status === 'failed')
      throw new ApiError(409, 'export_failed', `this export failed: ${info.error ?? 'unknown error'}`);
    if (info.status !== 'done' || !row.file_path)
      throw new ApiError(
        409,
        'export_not_ready',
        `this export is ${info.status}; poll GET /api/analytics/exports/${id}`,
      );
    const path = join(this.limits.dir, row.file_path);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile())
      throw new ApiError(410, 'export_gone', 'the file of this export is no longer stored; export again');
    return { path, fileName: row.file_name, contentType: row.content_type, bytes: s.size };
  }

  /** The cleanup job's work: deletes the workspace's expired files (rows marked `expired`) and stale scratch. */
  async cleanup(workspaceId: string): Promise<{ expired: number; scratch: number }> {
    const now = this.now();
    const due = await listExpiredExports(this.deps.store, workspaceId, now);
    for (const e of due) {
      if (e.file_path) await rm(join(this.limits.dir, e.file_path), { force: true });
      await this.deps.store.transaction((tx) => markExportExpired(tx, workspaceId, e.id));
    }
    const folder = join(this.limits.dir, workspaceFolder(workspaceId));
    const scratch = await removeStaleScratch(folder, Math.max(this.ttlMs(), 3_600_000), now);
    return { expired: due.length, scratch };
  }
}
