// Owns replacing a rule's channel rows with a new list (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { CHANNEL_COLUMNS, insertSql, rowValues, type StoredChannel } from '../StoredAlert.ts';

export async function replaceChannels(
  db: Db,
  workspaceId: string,
  ruleId: string,
  channels: StoredChannel[],
): Promise<void> {
  await db.query('DELETE FROM analytics_alert_channels WHERE workspace_id = $1 AND rule_id = $2', [
    workspaceId,
    ruleId,
  ]);
  for (const c of channels)
    await db.query(insertSql('analytics_alert_channels', CHANNEL_COLUMNS), rowValues(c, CHANNEL_COLUMNS));
}
