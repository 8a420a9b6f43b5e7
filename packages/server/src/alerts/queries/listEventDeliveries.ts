// Owns reading the deliveries of some history entries, oldest first.
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
