// Owns marking that a workspace was given the suggested alert rules (run it in a transaction).
import type { Db } from '../../store/Store.ts';

export async function markAlertDefaults(db: Db, workspaceId: string, atMs: number): Promise<void> {
  await db.query('INSERT INTO analytics_alert_defaults (workspace_id, created_ms) VALUES ($1, $2)', [
    workspaceId,
    atMs,
  ]);
}
