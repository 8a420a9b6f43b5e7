// Owns the export API tests' client: POST an export, poll it until it ends, download its file (bytes and
// headers), and read a download back as the tables it holds (ZIP entries parsed per extension).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportInfo, ExportReply } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import type { FileFormat } from '../../src/exports/writers/writeExport.ts';
import { type Parsed, parseFile, readZip } from './exportFixture.ts';

export interface Auth {
  key?: string;
  cookie?: string;
  csrf?: string;
}

const authHeaders = (a: Auth): Record<string, string> => ({
  ...(a.key ? { authorization: `Bearer ${a.key}` } : {}),
  ...(a.cookie ? { cookie: a.cookie } : {}),
  ...(a.csrf ? { 'x-csrf-token': a.csrf } : {}),
});

export async function postExport(
  url: string,
  auth: Auth,
  body: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: test replies are inspected loosely (errors and replies)
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/analytics/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(auth) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

// biome-ignore lint/suspicious/noExplicitAny: test replies are inspected loosely
export async function getJson(url: string, auth: Auth, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { headers: authHeaders(auth) });
  return { status: res.status, body: await res.json() };
}

/** Polls GET /api/analytics/exports/:id until the export is no longer queued or running. */
export async function waitForExport(
  url: string,
  auth: Auth,
  id: string,
  timeoutMs = 60_000,
): Promise<ExportInfo> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await getJson(url, auth, `/api/analytics/exports/${id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const info = r.body as ExportInfo;
    if (info.status !== 'queued' && info.status !== 'running') return info;
    if (Date.now() > until) assert.fail(`export ${id} still ${info.status} after ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: error bodies are inspected loosely
  json: any;
}

export async function download(url: string, auth: Auth, id: string): Promise<Download> {
  const res = await fetch(`${url}/api/analytics/download/${id}`, { headers: authHeaders(auth) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && res.status !== 200)
    json = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, headers: res.headers, bytes, json };
}

/** Creates an export and returns its downloaded file once done (inline or after polling). */
export async function exportAndDownload(
  url: string,
  auth: Auth,
  body: unknown,
): Promise<{ reply: ExportReply; file: Download; info: ExportInfo }> {
  const r = await postExport(url, auth, body);
  assert.ok(r.status === 200 || r.status === 202, `${r.status} ${JSON.stringify(r.body)}`);
  const reply = r.body as ExportReply;
  const info = await waitForExport(url, auth, reply.exportId);
  assert.equal(info.status, 'done', info.error ?? '');
  const file = await download(url, auth, reply.exportId);
  assert.equal(file.status, 200, file.bytes.toString('utf8').slice(0, 300));
  return { reply, file, info };
}

/** The tables of a downloaded file: one (named `table`) for a single file, one per ZIP entry otherwise. */
export async function downloadedTables(
  format: FileFormat,
  file: Download,
  dir: string,
  name: string,
): Promise<Record<string, Parsed>> {
  if (!(file.headers.get('content-type') ?? '').startsWith('application/zip')) {
    const path = join(dir, `${name}.${format}`);
    writeFileSync(path, file.bytes);
    return { table: await parseFile(format, path) };
  }
  const zipPath = join(dir, `${name}.zip`);
  writeFileSync(zipPath, file.bytes);
  const out: Record<string, Parsed> = {};
  for (const [entry, bytes] of await readZip(zipPath)) {
    const [table, ext] = entry.split('.');
    if (ext === 'csv') out[table] = parse(bytes, { columns: true }) as Parsed;
    else {
      const path = join(dir, `${name}-${entry}`);
      writeFileSync(path, bytes);
      out[table] = await parseFile(ext as FileFormat, path);
    }
  }
  return out;
}
