// Owns appending one row to the activity log.
import type { Db } from '../../store/Store.ts';

interface ActivityRow {
  id: string;
  workspaceId: string;
  atMs: number;
  actor: string;
  action: string;
  target: string | null;
  /** JSON text, or null. */
  details: string | null;
}

export async function insertActivity(db: Db, r: ActivityRow): Promise<void> {
  await db.query(
    `INSERT INTO activity (id, workspace_id, at_ms, actor, action, target, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.workspaceId, r.atMs, r.actor, r.action, r.target, r.details],
  );
}
