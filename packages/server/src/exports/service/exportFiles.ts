// Owns where export files live and what they are called: a folder per workspace under EXPORT_DIR, the stored
// file named by the export's id, the download's name (sanitised) and its Content-Disposition header.
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportRequest } from '@llm-analytics/core';
import { exportFileName } from '../exportTables.ts';
import { SCRATCH_PREFIX } from '../writers/writeZip.ts';

/** A workspace's folder name: its id hashed, so no id (`..`, slashes) can reach outside EXPORT_DIR. */
export const workspaceFolder = (workspaceId: string): string =>
  `ws-${createHash('sha256').update(workspaceId).digest('hex').slice(0, 24)}`;

/** The stored file of an export, relative to EXPORT_DIR. */
export const storedPath = (workspaceId: string, exportId: string, extension: string): string =>
  join(workspaceFolder(workspaceId), `${exportId}.${extension}`);

/** The download's name: the request's `fileName` (control characters and path separators dropped) or the default. */
export function downloadName(r: ExportRequest, extension: string): string {
  if (!r.fileName) return exportFileName(r, extension);
  let base = r.fileName
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  if (base.toLowerCase().endsWith(`.${extension}`)) base = base.slice(0, -extension.length - 1);
  return `${base || 'llm-analytics-export'}.${extension}`;
}

/**
 * `attachment` with an ASCII fallback name (quotes, backslashes and non-ASCII as `_`) and the exact name as
 * RFC 5987 UTF-8 (`filename*`), which browsers prefer.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** Removes the leftovers of earlier runs of one export (a run killed mid-write): its temporary files. */
export async function removePartials(folder: string, exportId: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const n of names)
    if (n.startsWith(`.${exportId}.`) && n.endsWith('.partial')) await rm(join(folder, n), { force: true });
}

/**
 * Removes temporary files and scratch folders untouched for `olderThanMs` (left by a killed
 * process whose export was then failed or never re-run). A live write touches its files continuously.
 */
export async function removeStaleScratch(
  folder: string,
  olderThanMs: number,
  nowMs: number,
): Promise<number> {
  let removed = 0;
  for (const n of await readdir(folder).catch(() => [] as string[])) {
    // `.parquet-`: the scratch folders of earlier versions.
    if (!(n.endsWith('.partial') || n.startsWith(SCRATCH_PREFIX) || n.startsWith('.parquet-'))) continue;
    const path = join(folder, n);
    const s = await stat(path).catch(() => null);
    if (s && nowMs - s.mtimeMs > olderThanMs) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Removes the folders of workspaces that no longer exist (their rows went with the workspace, so no cleanup
 * job finds their files). Only folders untouched for `olderThanMs`: a workspace made since the list was read
 * may be writing its first export.
 */
export async function removeOrphanFolders(
  dir: string,
  workspaceIds: readonly string[],
  olderThanMs: number,
  nowMs: number,
): Promise<number> {
  const live = new Set(workspaceIds.map(workspaceFolder));
  let removed = 0;
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    if (!n.startsWith('ws-') || live.has(n)) continue;
    const s = await stat(join(dir, n)).catch(() => null);
    if (s?.isDirectory() && nowMs - s.mtimeMs > olderThanMs) {
      await rm(join(dir, n), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
