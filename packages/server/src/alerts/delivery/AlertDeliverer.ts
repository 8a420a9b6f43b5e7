// Owns attempting deliveries: one attempt, its outcome in the delivery log, retries with backoff, and the
// channel's health (disabled after repeated failures).
import type { Store } from '../../store/Store.ts';
import { claimDelivery } from '../queries/claimDelivery.ts';
import { listChannels } from '../queries/listChannels.ts';
import { listDueDeliveries } from '../queries/listDueDeliveries.ts';
import { updateChannelHealth } from '../queries/updateChannelHealth.ts';
import { updateDelivery } from '../queries/updateDelivery.ts';
import { alertJson, type StoredChannel, type StoredDelivery } from '../StoredAlert.ts';
import type { AlertNotification } from './AlertNotification.ts';
import type { ChannelSender } from './ChannelSender.ts';

/** Waits before the 2nd, 3rd, 4th and 5th attempt; after the 5th the delivery has failed. */
export const RETRY_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000] as const;
/** Failed attempts in a row after which a channel is disabled (until edited or re-enabled). */
export const DISABLE_AFTER_FAILURES = 5;

export interface AttemptMode {
  /** Queue another attempt after a failure (false: a test delivery, tried once). */
  retry: boolean;
}

export class AlertDeliverer {
  constructor(
    private readonly store: Store,
    private readonly sender: ChannelSender,
    private readonly now: () => number,
  ) {}

  /** Attempts every due delivery of the workspace, oldest first. */
  async deliverDue(workspaceId: string): Promise<{ attempted: number; delivered: number }> {
    const due = await listDueDeliveries(this.store, workspaceId, this.now());
    if (due.length === 0) return { attempted: 0, delivered: 0 };
    let delivered = 0;
    let attempted = 0;
    for (const d of due) {
      const at = this.now();
      // An attempt that outlives the lease (a hung SMTP server past every timeout) may be tried again.
      if (!(await this.store.transaction((tx) => claimDelivery(tx, workspaceId, d.id, at, 5 * 60_000))))
        continue;
      attempted++;
      // Fresh each time: an earlier attempt of this pass may have disabled the channel.
      const channels = await listChannels(this.store, workspaceId);
      const done = await this.attempt(
        d,
        channels.find((c) => c.id === d.channel_id),
        { retry: true },
      );
      if (done.status === 'delivered') delivered++;
    }
    return { attempted, delivered };
  }

  /** One attempt of `d` to `channel` (undefined: it was removed); records and returns the outcome. */
  async attempt(
    d: StoredDelivery,
    channel: StoredChannel | undefined,
    mode: AttemptMode,
  ): Promise<StoredDelivery> {
    const at = this.now();
    let error: string | null = null;
    if (!channel) error = 'the channel was removed';
    else if (mode.retry && !channel.enabled)
      error = `the channel is disabled${channel.disabled_reason ? `: ${channel.disabled_reason}` : ''}`;
    else {
      try {
        await this.sender.send(channel, alertJson(d.message) as AlertNotification, d.id);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    const attempts = Number(d.attempts) + (channel && (channel.enabled || !mode.retry) ? 1 : 0);
    const retrying = error !== null && mode.retry && channel?.enabled && attempts <= RETRY_BACKOFF_MS.length;
    const next: StoredDelivery = {
      ...d,
      attempts,
      status: error === null ? 'delivered' : retrying ? 'pending' : 'failed',
      last_error: error,
      next_attempt_ms: retrying ? at + RETRY_BACKOFF_MS[attempts - 1] : null,
      delivered_ms: error === null ? at : null,
    };
    await this.store.transaction(async (tx) => {
      await updateDelivery(tx, next);
      // Test deliveries say whether a channel works; they do not count towards disabling it.
      if (channel && mode.retry && channel.enabled) {
        const failures = error === null ? 0 : Number(channel.consecutive_failures) + 1;
        const disable = failures >= DISABLE_AFTER_FAILURES;
        await updateChannelHealth(tx, d.workspace_id, channel.id, {
          consecutive_failures: failures,
          enabled: !disable,
          disabled_reason: disable
            ? `disabled after ${failures} failed deliveries in a row; last: ${error}`
            : null,
        });
      }
    });
    return next;
  }
}
