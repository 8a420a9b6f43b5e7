// Owns adding one alert history entry (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { EVENT_COLUMNS, insertSql, rowValues, type StoredEvent } from '../StoredAlert.ts';

export async function insertEvent(db: Db, e: StoredEvent): Promise<void> {
  await db.query(insertSql('analytics_alert_events', EVENT_COLUMNS), rowValues(e, EVENT_COLUMNS));
}
