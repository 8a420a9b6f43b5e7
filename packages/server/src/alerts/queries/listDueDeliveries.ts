// Owns reading a workspace's due deliveries: pending, their attempt time reached.
import type { Db } from '../../store/Store.ts';
import { DELIVERY_COLUMNS, type StoredDelivery } from '../StoredAlert.ts';

const COLS = DELIVERY_COLUMNS.join(', ');

export async function listDueDeliveries(
  db: Db,
  workspaceId: string,
  nowMs: number,
): Promise<StoredDelivery[]> {
  return db.query<StoredDelivery & Record<string, unknown>>(
    `SELECT ${COLS} FROM analytics_alert_deliveries
       WHERE workspace_id = $1 AND status = 'pending' AND next_attempt_ms <= $2 ORDER BY next_attempt_ms, id`,
    [workspaceId, nowMs],
  );
}
