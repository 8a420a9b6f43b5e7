// Owns recording when a rule was last evaluated.
import type { Db } from '../../store/Store.ts';

export async function setRuleEvaluated(db: Db, workspaceId: string, id: string, atMs: number): Promise<void> {
  await db.query(
    'UPDATE analytics_alert_rules SET last_evaluated_ms = $3 WHERE workspace_id = $1 AND id = $2',
    [workspaceId, id, atMs],
  );
}
