// Owns finding the workspaces that have an enabled alert rule: the evaluation schedule queues a job for each.
import type { Db } from '../../store/Store.ts';

export async function workspacesWithEnabledRules(db: Db): Promise<string[]> {
  const rows = await db.query<{ workspace_id: string }>(
    'SELECT DISTINCT workspace_id FROM analytics_alert_rules WHERE enabled',
  );
  return rows.map((r) => r.workspace_id);
}
