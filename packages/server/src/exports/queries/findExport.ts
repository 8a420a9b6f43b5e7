// Owns reading one export of a workspace, with its job's state.
import type { Db } from '../../store/Store.ts';
import { EXPORT_COLUMNS, type StoredExport } from '../service/StoredExport.ts';

export async function findExport(db: Db, workspaceId: string, id: string): Promise<StoredExport | null> {
  const rows = await db.query<StoredExport & Record<string, unknown>>(
    `SELECT ${EXPORT_COLUMNS} FROM analytics_exports e LEFT JOIN jobs j ON j.id = e.job_id
      WHERE e.workspace_id = $1 AND e.id = $2`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}
