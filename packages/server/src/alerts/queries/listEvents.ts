// Owns reading a workspace's alert history, newest first (one rule's, before a time, at most `limit`).
import type { Db, SqlValue } from '../../store/Store.ts';
import { EVENT_COLUMNS, type StoredEvent } from '../StoredAlert.ts';

export async function listEvents(
  db: Db,
  workspaceId: string,
  q: { ruleId?: string; beforeMs?: number; limit: number },
): Promise<StoredEvent[]> {
  const params: SqlValue[] = [workspaceId];
  const where = ['workspace_id = $1'];
  if (q.ruleId !== undefined) where.push(`rule_id = $${params.push(q.ruleId)}`);
  if (q.beforeMs !== undefined) where.push(`at_ms < $${params.push(q.beforeMs)}`);
  return db.query<StoredEvent & Record<string, unknown>>(
    `SELECT ${EVENT_COLUMNS.join(', ')} FROM analytics_alert_events WHERE ${where.join(' AND ')}
       ORDER BY at_ms DESC, id DESC LIMIT ${Math.trunc(q.limit)}`,
    params,
  );
}
