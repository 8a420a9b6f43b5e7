// Owns reading a page of a workspace's activity log, newest first.
import type { Db } from '../../store/Store.ts';

interface StoredActivity {
  id: string;
  at_ms: number;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
}

/** Events before `beforeMs` (epoch ms); `limit` is written into the SQL: callers bound it. */
export async function listActivity(
  db: Db,
  workspaceId: string,
  beforeMs: number,
  limit: number,
): Promise<StoredActivity[]> {
  return db.query<StoredActivity & Record<string, unknown>>(
    `SELECT id, at_ms, actor, action, target, details FROM activity
       WHERE workspace_id = $1 AND at_ms < $2 ORDER BY at_ms DESC, id DESC LIMIT ${limit}`,
    [workspaceId, beforeMs],
  );
}
