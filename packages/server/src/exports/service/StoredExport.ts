// Owns the row shape of analytics_exports as its queries read it (with its job's state), and the column list.
import type { JobStatus } from '@llm-analytics/core';

export interface StoredExport {
  id: string;
  workspace_id: string;
  job_id: string | null;
  status: 'queued' | 'done' | 'failed' | 'expired';
  format: string;
  export_type: string;
  /** JSON: text on DuckDB, parsed on PostgreSQL. */
  request: unknown;
  file_name: string;
  content_type: string;
  file_path: string | null;
  file_bytes: number;
  row_count: number;
  error: string | null;
  requested_by: string;
  created_ms: number;
  finished_ms: number | null;
  expires_ms: number;
  /** From the export's job (null without one, or once the job's history is deleted). */
  job_status: JobStatus | null;
  job_progress: number | null;
  job_error: string | null;
}

/** Selected from `analytics_exports e LEFT JOIN jobs j ON j.id = e.job_id`. */
export const EXPORT_COLUMNS =
  'e.id, e.workspace_id, e.job_id, e.status, e.format, e.export_type, e.request, e.file_name, e.content_type, ' +
  'e.file_path, e.file_bytes, e.row_count, e.error, e.requested_by, e.created_ms, e.finished_ms, e.expires_ms, ' +
  'j.status AS job_status, j.progress AS job_progress, j.error AS job_error';
