// Owns reading deliveries: those of some history entries, or a workspace's due ones (pending, retry time reached).
import type { Db } from '../../store/Store.ts';
import { DELIVERY_COLUMNS, type StoredDelivery } from '../StoredAlert.ts';

const COLS = DELIVERY_COLUMNS.join(', ');

export async function listEventDeliveries(
  db: Db,
  workspaceId: string,
  eventIds: string[],
): Promise<StoredDelivery[]> {
  if (eventIds.length === 0) return [];
  const marks = eventIds.map((_, i) => `$${i + 2}`).join(', ');
  return db.query<StoredDelivery & Record<string, unknown>>(
    `SELECT ${COLS} FROM analytics_alert_deliveries WHERE workspace_id = $1 AND event_id IN (${marks})
       ORDER BY created_ms, id`,
    [workspaceId, ...eventIds],
  );
}

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

/** Workspaces with a due delivery: the delivery schedule queues a job for each. */
export async function workspacesWithDueDeliveries(db: Db, nowMs: number): Promise<string[]> {
  const rows = await db.query<{ workspace_id: string }>(
    `SELECT DISTINCT workspace_id FROM analytics_alert_deliveries WHERE status = 'pending' AND next_attempt_ms <= $1`,
    [nowMs],
  );
  return rows.map((r) => r.workspace_id);
}
