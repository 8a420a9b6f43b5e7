// Owns replacing one alert rule row's fields (its workspace, id and creation stay).
import type { Db } from '../../store/Store.ts';
import { RULE_COLUMNS, rowValues, type SqlCell, type StoredRule } from '../StoredAlert.ts';

const FIXED = new Set(['workspace_id', 'id', 'created_by', 'created_ms']);

export async function updateRule(db: Db, r: StoredRule): Promise<void> {
  const values = rowValues(r, RULE_COLUMNS);
  const sets: string[] = [];
  const params: SqlCell[] = [r.workspace_id, r.id];
  RULE_COLUMNS.forEach((c, i) => {
    if (!FIXED.has(c)) sets.push(`${c} = $${params.push(values[i])}`);
  });
  await db.query(
    `UPDATE analytics_alert_rules SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`,
    params,
  );
}
