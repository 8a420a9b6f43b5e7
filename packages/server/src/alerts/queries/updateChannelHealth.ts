// Owns recording a channel's delivery health: its failure count, and whether repeated failures disabled it.
import type { Db } from '../../store/Store.ts';

export async function updateChannelHealth(
  db: Db,
  workspaceId: string,
  channelId: string,
  health: { consecutive_failures: number; enabled: boolean; disabled_reason: string | null },
): Promise<void> {
  await db.query(
    `UPDATE analytics_alert_channels SET consecutive_failures = $3, enabled = $4, disabled_reason = $5
       WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, channelId, health.consecutive_failures, health.enabled, health.disabled_reason],
  );
}
