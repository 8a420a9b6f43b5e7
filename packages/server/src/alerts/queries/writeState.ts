// Owns storing one (rule, slice) state, replacing the previous one (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { insertSql, rowValues, STATE_COLUMNS, type StoredState } from '../StoredAlert.ts';

// Delete and insert rather than ON CONFLICT: DuckDB's tables keep no unique index to conflict on.
export async function writeState(db: Db, s: StoredState): Promise<void> {
  await db.query(
    'DELETE FROM analytics_alert_states WHERE workspace_id = $1 AND rule_id = $2 AND slice_key = $3',
    [s.workspace_id, s.rule_id, s.slice_key],
  );
  await db.query(insertSql('analytics_alert_states', STATE_COLUMNS), rowValues(s, STATE_COLUMNS));
}
