// Owns `llm-analytics export`: one export written into --out, on the embedded database (server stopped) or
// through a running server (--url: POST, poll while it runs, download), with a progress bar on stderr.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ExportInfo,
  type ExportReply,
  type ExportRequest,
  ExportRequestSchema,
} from '@llm-analytics/core';
import { type AppContext, createContext } from '../AppContext.ts';
import type { Config } from '../config.ts';
import { downloadName } from '../exports/service/exportFiles.ts';
import { produceExport, requestFileType } from '../exports/service/produceExport.ts';
import { partialPath } from '../exports/writers/writeExport.ts';
import { renderProgressBar } from '../importer/progressBar.ts';
import { DEFAULT_WORKSPACE } from '../workspaces/WorkspaceService.ts';

export interface ExportFlags {
  type?: string;
  format?: string;
  out?: string;
  from?: string;
  to?: string;
  filter?: string;
  metrics?: string;
  name?: string;
  url?: string;
  apiKey?: string;
  workspace?: string;
}

const DAY = 86_400_000;
const bar = (fraction: number, tail = '') =>
  process.stderr.write(`\r${renderProgressBar(fraction, 1, 30)}${tail ? ` ${tail}` : ''}`);

/** The request the flags describe; an invalid one is an Error naming the field's path. */
export function exportRequestFromFlags(f: ExportFlags, now = new Date()): ExportRequest {
  let filters: unknown;
  if (f.filter !== undefined) {
    try {
      filters = JSON.parse(f.filter);
    } catch (e) {
      throw new Error(`--filter is not JSON: ${(e as Error).message}`);
    }
  }
  const parsed = ExportRequestSchema.safeParse({
    format: f.format ?? 'csv',
    exportType: f.type ?? 'complete',
    startDate: f.from ?? new Date(now.getTime() - 30 * DAY).toISOString(),
    endDate: f.to ?? now.toISOString(),
    ...(filters !== undefined ? { filters } : {}),
    ...(f.metrics ? { includedMetrics: f.metrics.split(',').map((m) => m.trim()) } : {}),
    ...(f.name ? { fileName: f.name } : {}),
  });
  if (!parsed.success) {
    const flag: Record<string, string> = {
      exportType: 'type',
      startDate: 'from',
      endDate: 'to',
      filters: 'filter',
      includedMetrics: 'metrics',
      fileName: 'name',
    };
    const lines = parsed.error.issues.map((i) => {
      const path = i.path.map(String).join('.');
      const top = String(i.path[0] ?? '');
      return `  ${path || '(request)'} (--${flag[top] ?? top}): ${i.message}`;
    });
    throw new Error(`invalid export:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Writes the export into `out`; returns the file's path. */
export async function runExportCommand(
  config: Config,
  f: ExportFlags,
): Promise<{ path: string; rows: number; bytes: number }> {
  const out = f.out ?? '.';
  const r = exportRequestFromFlags(f);
  await mkdir(out, { recursive: true });
  const result = f.url
    ? await remoteExport(f.url, f.apiKey, r, out)
    : await localExport(config, f.workspace, r, out);
  process.stderr.write('\n');
  return result;
}

async function localExport(config: Config, workspace: string | undefined, r: ExportRequest, out: string) {
  let ctx: AppContext;
  try {
    ctx = await createContext(config);
  } catch (e) {
    const msg = (e as Error).message;
    const hint = /lock/i.test(msg)
      ? '\nThe database is in use by a running server: stop it, or export through it with --url … --api-key ….'
      : '';
    throw new Error(`cannot open the database: ${msg}${hint}`);
  }
  try {
    const ws = workspace ?? DEFAULT_WORKSPACE;
    const w = await ctx.workspaces.get(ws);
    if (!w) throw new Error(`no workspace "${ws}"`);
    const path = join(out, downloadName(r, requestFileType(r).extension));
    bar(0);
    const done = await produceExport(ctx, { id: ws, name: w.name }, r, new Date(), path, (p) =>
      bar(p.total ? p.rows / p.total : 0, `${p.rows} of ${p.total} rows`),
    );
    bar(1, `${done.rows} rows`);
    return { path, ...done };
  } finally {
    await ctx.close();
  }
}

async function remoteExport(url: string, apiKey: string | undefined, r: ExportRequest, out: string) {
  if (!apiKey)
    throw new Error(
      '--url needs --api-key (or LLM_ANALYTICS_API_KEY) of a key with the export permission (admin scope)',
    );
  const headers = { authorization: `Bearer ${apiKey}` };
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(new URL(path, url), { ...init, headers: { ...headers, ...init.headers } });
    const body = (await res.json().catch(() => ({}))) as T & { error?: { message: string } };
    if (!res.ok)
      throw new Error(`server answered ${res.status}: ${body.error?.message ?? JSON.stringify(body)}`);
    return body;
  };
  const created = await call<ExportReply>('/api/analytics/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(r),
  });
  let info: ExportInfo | null = null;
  if (created.status !== 'done') {
    for (;;) {
      info = await call<ExportInfo>(`/api/analytics/exports/${created.exportId}`);
      bar(info.progress, info.status);
      if (info.status === 'done') break;
      if (info.status === 'failed' || info.status === 'expired')
        throw new Error(`the export ${info.status}: ${info.error ?? ''}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }
  const res = await fetch(new URL(created.downloadUrl, url), { headers });
  if (!res.ok || !res.body) throw new Error(`download answered ${res.status}: ${await res.text()}`);
  const path = join(out, created.fileName.replace(/[/\\]/g, '_'));
  const tmp = partialPath(path);
  const total = Number(res.headers.get('content-length') ?? 0);
  let got = 0;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (b: Buffer) => {
    got += b.length;
    bar(total ? got / total : 1, `${(got / 1048576).toFixed(1)} MB`);
  });
  try {
    await pipeline(body, createWriteStream(tmp));
    if (total && (await stat(tmp)).size !== total) throw new Error('the download ended early');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { path, rows: info?.rows ?? created.rows ?? 0, bytes: got };
}
