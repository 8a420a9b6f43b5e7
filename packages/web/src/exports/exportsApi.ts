// Owns the exports endpoints as the dashboard calls them: start one, poll one, list them, download a file.
import type { ExportInfo, ExportList, ExportReply, ExportRequest } from '@llm-analytics/core';
import { api, apiBlob } from '../api/api';
import { saveBlob } from './saveBlob';

export const startExport = (r: ExportRequest): Promise<ExportReply> =>
  api<ExportReply>('POST', '/api/analytics/export', r);

export const getExport = (id: string): Promise<ExportInfo> =>
  api<ExportInfo>('GET', `/api/analytics/exports/${encodeURIComponent(id)}`);

export const listExports = (): Promise<ExportList> => api<ExportList>('GET', '/api/analytics/exports');

/** Fetches the file with the session's workspace (a bare link would use the default one) and saves it. */
export async function downloadExport(downloadUrl: string, fileName: string): Promise<void> {
  saveBlob(await apiBlob(downloadUrl), fileName);
}

/** Runs an export to its end: starts it, polls while it is queued or running, reports progress. */
export async function runExport(
  r: ExportRequest,
  onProgress: (info: ExportInfo | null) => void,
  pollMs = 700,
): Promise<ExportReply> {
  const reply = await startExport(r);
  if (!reply.status || reply.status === 'done') return reply;
  for (;;) {
    const info = await getExport(reply.exportId);
    onProgress(info);
    if (info.status === 'done') return { ...reply, fileSize: info.fileSize, fileName: info.fileName };
    if (info.status !== 'queued' && info.status !== 'running')
      throw new Error(info.error ?? `the export ${info.status === 'expired' ? 'expired' : 'failed'}`);
    await new Promise((ok) => setTimeout(ok, pollMs));
  }
}
