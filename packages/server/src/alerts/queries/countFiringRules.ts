// Owns counting the enabled rules of a workspace with a firing slice (the header bell's number).
import type { Db } from '../../store/Store.ts';

export async function countFiringRules(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT s.rule_id) AS n FROM analytics_alert_states s
       JOIN analytics_alert_rules r ON r.workspace_id = s.workspace_id AND r.id = s.rule_id
       WHERE s.workspace_id = $1 AND s.state = 'firing' AND r.enabled`,
    [workspaceId],
  );
  return Number(row?.n ?? 0);
}
