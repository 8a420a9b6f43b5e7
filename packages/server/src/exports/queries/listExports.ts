// Owns listing a workspace's exports, newest first, with their jobs' state.
import type { Db } from '../../store/Store.ts';
import { EXPORT_COLUMNS, type StoredExport } from '../service/StoredExport.ts';

/** `limit` is written into the SQL: callers bound it. */
export async function listExports(db: Db, workspaceId: string, limit: number): Promise<StoredExport[]> {
  return db.query<StoredExport & Record<string, unknown>>(
    `SELECT ${EXPORT_COLUMNS} FROM analytics_exports e LEFT JOIN jobs j ON j.id = e.job_id
      WHERE e.workspace_id = $1 ORDER BY e.created_ms DESC, e.id DESC LIMIT ${Math.trunc(limit)}`,
    [workspaceId],
  );
}
