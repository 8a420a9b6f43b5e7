// Owns the mark that a workspace was given the suggested alert rules: reading and setting it.
import type { Db } from '../../store/Store.ts';

export async function hasAlertDefaults(db: Db, workspaceId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 AS x FROM analytics_alert_defaults WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return rows.length > 0;
}

export async function markAlertDefaults(db: Db, workspaceId: string, atMs: number): Promise<void> {
  await db.query('INSERT INTO analytics_alert_defaults (workspace_id, created_ms) VALUES ($1, $2)', [
    workspaceId,
    atMs,
  ]);
}
