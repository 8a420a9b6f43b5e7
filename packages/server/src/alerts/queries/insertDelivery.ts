// Owns adding one delivery (a notification to one channel) to the outbox (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { DELIVERY_COLUMNS, insertSql, rowValues, type StoredDelivery } from '../StoredAlert.ts';

export async function insertDelivery(db: Db, d: StoredDelivery): Promise<void> {
  await db.query(insertSql('analytics_alert_deliveries', DELIVERY_COLUMNS), rowValues(d, DELIVERY_COLUMNS));
}
