// Owns taking a due delivery for one attempt: its retry time moves past the attempt, so another runner's pass
// (several instances on one PostgreSQL) does not send it too. False when someone else took it first.
import type { Db } from '../../store/Store.ts';

export async function claimDelivery(
  db: Db,
  workspaceId: string,
  id: string,
  nowMs: number,
  leaseMs: number,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE analytics_alert_deliveries SET next_attempt_ms = $4
       WHERE workspace_id = $1 AND id = $2 AND status = 'pending' AND next_attempt_ms <= $3 RETURNING id`,
    [workspaceId, id, nowMs, nowMs + leaseMs],
  );
  return rows.length > 0;
}
