// Owns adding one alert rule row (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { insertSql, RULE_COLUMNS, rowValues, type StoredRule } from '../StoredAlert.ts';

export async function insertRule(db: Db, r: StoredRule): Promise<void> {
  await db.query(insertSql('analytics_alert_rules', RULE_COLUMNS), rowValues(r, RULE_COLUMNS));
}
