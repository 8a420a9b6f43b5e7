// Owns how an export row (with its job's state) reads on the wire: its status while its job runs, and expiry.
import type { ExportFormat, ExportInfo, ExportStatus, ExportType } from '@llm-analytics/core';
import type { StoredExport } from './StoredExport.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * A queued row's status is its job's: queued or running, and failed when the job failed without the export
 * recording it (abandoned by a killed runner too often) or the job is gone. A done row past its expiry is
 * expired, whether or not the cleanup job has deleted the file yet.
 */
function status(e: StoredExport, nowMs: number): { status: ExportStatus; error: string | null } {
  if (e.status === 'done') return { status: Number(e.expires_ms) <= nowMs ? 'expired' : 'done', error: null };
  if (e.status !== 'queued') return { status: e.status, error: e.error };
  switch (e.job_status) {
    case 'queued':
    case 'running':
      return { status: e.job_status, error: null };
    case 'failed':
    case 'cancelled':
      return { status: 'failed', error: e.job_error ?? `the export job was ${e.job_status}` };
    case 'succeeded':
      return { status: 'failed', error: 'the export job ended without recording a file' };
    default:
      return { status: 'failed', error: 'the export job is gone' };
  }
}

export function toExportInfo(e: StoredExport, nowMs: number): ExportInfo {
  const s = status(e, nowMs);
  const request = (typeof e.request === 'string' ? JSON.parse(e.request) : e.request) as Record<
    string,
    unknown
  >;
  return {
    id: e.id,
    status: s.status,
    format: e.format as ExportFormat,
    exportType: e.export_type as ExportType,
    progress:
      e.status === 'done' || e.status === 'expired'
        ? 1
        : Math.min(1, Math.max(0, Number(e.job_progress ?? 0))),
    rows: Number(e.row_count),
    fileSize: Number(e.file_bytes),
    fileName: e.file_name,
    downloadUrl: `/api/analytics/download/${e.id}`,
    requestedBy: e.requested_by,
    createdAt: iso(e.created_ms)!,
    finishedAt: iso(e.finished_ms),
    expiresAt: iso(e.expires_ms)!,
    error: s.error,
    request,
  };
}
