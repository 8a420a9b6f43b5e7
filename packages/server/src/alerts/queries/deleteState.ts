// Owns forgetting one (rule, slice) state, or all of a rule's (its condition changed, or it was turned off).
import type { Db } from '../../store/Store.ts';

export async function deleteState(
  db: Db,
  workspaceId: string,
  ruleId: string,
  sliceKey?: string,
): Promise<void> {
  await db.query(
    `DELETE FROM analytics_alert_states WHERE workspace_id = $1 AND rule_id = $2${sliceKey !== undefined ? ' AND slice_key = $3' : ''}`,
    sliceKey !== undefined ? [workspaceId, ruleId, sliceKey] : [workspaceId, ruleId],
  );
}
