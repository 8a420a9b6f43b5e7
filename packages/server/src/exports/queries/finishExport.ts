// Owns recording an export's end: its complete file (done) or why it failed.
import type { Db } from '../../store/Store.ts';

export type ExportEnd =
  | { status: 'done'; filePath: string; fileBytes: number; rows: number; expiresMs: number }
  | { status: 'failed'; error: string };

export async function finishExport(
  db: Db,
  workspaceId: string,
  id: string,
  finishedMs: number,
  end: ExportEnd,
): Promise<void> {
  if (end.status === 'done') {
    await db.query(
      `UPDATE analytics_exports SET status = 'done', file_path = $3, file_bytes = $4, row_count = $5,
         finished_ms = $6, expires_ms = $7, error = NULL
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, end.filePath, end.fileBytes, end.rows, finishedMs, end.expiresMs],
    );
  } else {
    await db.query(
      `UPDATE analytics_exports SET status = 'failed', error = $3, finished_ms = $4
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, end.error, finishedMs],
    );
  }
}
