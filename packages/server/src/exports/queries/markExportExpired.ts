// Owns marking an export expired once its file is deleted (the row stays: the history shows it).
import type { Db } from '../../store/Store.ts';

export async function markExportExpired(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE analytics_exports SET status = 'expired', file_path = NULL WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
}
