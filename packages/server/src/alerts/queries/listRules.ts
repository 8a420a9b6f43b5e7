// Owns reading a workspace's alert rules (all, or the enabled ones), oldest first.
import type { Db } from '../../store/Store.ts';
import { RULE_COLUMNS, type StoredRule } from '../StoredAlert.ts';

export async function listRules(db: Db, workspaceId: string, opts: { enabledOnly?: boolean } = {}) {
  return db.query<StoredRule & Record<string, unknown>>(
    `SELECT ${RULE_COLUMNS.join(', ')} FROM analytics_alert_rules WHERE workspace_id = $1
       ${opts.enabledOnly ? 'AND enabled' : ''} ORDER BY created_ms, id`,
    [workspaceId],
  );
}
