// Owns reading whether a workspace was given the suggested alert rules.
import type { Db } from '../../store/Store.ts';

export async function hasAlertDefaults(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 AS x FROM analytics_alert_defaults WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return rows.length > 0;
}
