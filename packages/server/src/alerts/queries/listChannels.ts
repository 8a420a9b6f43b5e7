// Owns reading the channels of a workspace's rules (all rules, or one), in each rule's order.
import type { Db } from '../../store/Store.ts';
import { CHANNEL_COLUMNS, type StoredChannel } from '../StoredAlert.ts';

export async function listChannels(db: Db, workspaceId: string, ruleId?: string): Promise<StoredChannel[]> {
  return db.query<StoredChannel & Record<string, unknown>>(
    `SELECT ${CHANNEL_COLUMNS.join(', ')} FROM analytics_alert_channels WHERE workspace_id = $1
       ${ruleId !== undefined ? 'AND rule_id = $2' : ''} ORDER BY rule_id, position`,
    ruleId !== undefined ? [workspaceId, ruleId] : [workspaceId],
  );
}
