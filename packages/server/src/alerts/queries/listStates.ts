// Owns reading the per-slice states of a workspace's rules (all rules, or one).
import type { Db } from '../../store/Store.ts';
import { STATE_COLUMNS, type StoredState } from '../StoredAlert.ts';

export async function listStates(db: Db, workspaceId: string, ruleId?: string): Promise<StoredState[]> {
  return db.query<StoredState & Record<string, unknown>>(
    `SELECT ${STATE_COLUMNS.join(', ')} FROM analytics_alert_states WHERE workspace_id = $1
       ${ruleId !== undefined ? 'AND rule_id = $2' : ''} ORDER BY rule_id, slice_key`,
    ruleId !== undefined ? [workspaceId, ruleId] : [workspaceId],
  );
}
