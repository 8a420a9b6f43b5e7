// Owns adding one export row (queued for its job, or done by its request).
import type { Db } from '../../store/Store.ts';

export interface NewExport {
  id: string;
  workspaceId: string;
  jobId: string | null;
  status: 'queued' | 'done';
  format: string;
  exportType: string;
  /** JSON text of the request. */
  request: string;
  fileName: string;
  contentType: string;
  filePath: string | null;
  fileBytes: number;
  rows: number;
  requestedBy: string;
  createdMs: number;
  finishedMs: number | null;
  expiresMs: number;
}

export async function insertExport(db: Db, e: NewExport): Promise<void> {
  await db.query(
    `INSERT INTO analytics_exports (id, workspace_id, job_id, status, format, export_type, request, file_name,
       content_type, file_path, file_bytes, row_count, requested_by, created_ms, finished_ms, expires_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      e.id,
      e.workspaceId,
      e.jobId,
      e.status,
      e.format,
      e.exportType,
      e.request,
      e.fileName,
      e.contentType,
      e.filePath,
      e.fileBytes,
      e.rows,
      e.requestedBy,
      e.createdMs,
      e.finishedMs,
      e.expiresMs,
    ],
  );
}
