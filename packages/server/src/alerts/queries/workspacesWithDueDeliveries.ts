// Owns finding the workspaces with a due delivery: the delivery schedule queues a job for each.
import type { Db } from '../../store/Store.ts';

export async function workspacesWithDueDeliveries(db: Db, nowMs: number): Promise<string[]> {
  const rows = await db.query<{ workspace_id: string }>(
    `SELECT DISTINCT workspace_id FROM analytics_alert_deliveries WHERE status = 'pending' AND next_attempt_ms <= $1`,
    [nowMs],
  );
  return rows.map((r) => r.workspace_id);
}
