// Owns reading one alert rule of a workspace by id.
import type { Db } from '../../store/Store.ts';
import { RULE_COLUMNS, type StoredRule } from '../StoredAlert.ts';

export async function findRule(db: Db, workspaceId: string, id: string): Promise<StoredRule | undefined> {
  const [row] = await db.query<StoredRule & Record<string, unknown>>(
    `SELECT ${RULE_COLUMNS.join(', ')} FROM analytics_alert_rules WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row;
}
