// Owns deleting one alert rule with its channels and states (its history and deliveries stay); says if it existed.
import type { Db } from '../../store/Store.ts';

export async function deleteRule(db: Db, workspaceId: string, id: string): Promise<boolean> {
  await db.query('DELETE FROM analytics_alert_channels WHERE workspace_id = $1 AND rule_id = $2', [
    workspaceId,
    id,
  ]);
  await db.query('DELETE FROM analytics_alert_states WHERE workspace_id = $1 AND rule_id = $2', [
    workspaceId,
    id,
  ]);
  const rows = await db.query(
    'DELETE FROM analytics_alert_rules WHERE workspace_id = $1 AND id = $2 RETURNING id',
    [workspaceId, id],
  );
  return rows.length > 0;
}
