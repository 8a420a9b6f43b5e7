// Owns recording the outcome of a delivery attempt.
import type { Db } from '../../store/Store.ts';
import type { StoredDelivery } from '../StoredAlert.ts';

export async function updateDelivery(db: Db, d: StoredDelivery): Promise<void> {
  await db.query(
    `UPDATE analytics_alert_deliveries SET status = $3, attempts = $4, last_error = $5, next_attempt_ms = $6,
       delivered_ms = $7 WHERE workspace_id = $1 AND id = $2`,
    [d.workspace_id, d.id, d.status, d.attempts, d.last_error, d.next_attempt_ms, d.delivered_ms],
  );
}
