// Owns the alert state machine of one (rule, slice): ok → pending → firing → resolved (→ ok), and when to notify.
import type { AlertNotificationKind, AlertState } from '../wire/alerts.ts';

const MINUTE = 60_000;

/** What is stored of one (rule, slice) between evaluations; null before its first. */
export interface AlertSliceMemory {
  state: AlertState;
  /** When `state` was entered (epoch ms). */
  sinceMs: number;
  lastNotifiedMs: number | null;
  /** The current firing episode's `firing` notification went out (a `resolved` is sent only after one). */
  notified: boolean;
}

export interface AlertTiming {
  forMinutes: number;
  cooldownMinutes: number;
  repeatMinutes: number | null;
  mutedUntilMs: number | null;
  /** The rule has an enabled channel to send to. */
  hasChannel: boolean;
}

/** `not_announced`: a resolve whose firing was never sent (muted or held back the whole episode). */
export type SuppressReason = 'muted' | 'cooldown' | 'no_channel' | 'not_announced';

export interface AlertStep {
  memory: AlertSliceMemory;
  /** The state changed (from → to); null when it stayed. */
  changed: { from: AlertState | null; to: AlertState } | null;
  /** A notification is due: sent unless `suppressed` says why not. Null when none is due. */
  notify: { kind: Exclude<AlertNotificationKind, 'test'>; suppressed: SuppressReason | null } | null;
}

/**
 * One evaluation of one (rule, slice): `breached` says whether the condition holds now (no data: false).
 * A firing is announced once per episode, not per evaluation; a reminder every `repeatMinutes` while it fires;
 * a `resolved` when it stops, if its firing was announced. Cooldown holds back a `firing` or reminder sent
 * within `cooldownMinutes` of the previous notification; a firing held back (muted, cooldown, no channel) is
 * announced at the first evaluation that may send it, while it still fires.
 */
export function nextAlertState(
  prev: AlertSliceMemory | null,
  breached: boolean,
  timing: AlertTiming,
  nowMs: number,
): AlertStep {
  const from = prev?.state ?? null;
  const current: AlertSliceMemory = prev ?? {
    state: 'ok',
    sinceMs: nowMs,
    lastNotifiedMs: null,
    notified: false,
  };
  const blocked = (kind: 'firing' | 'repeat' | 'resolved'): SuppressReason | null => {
    if (timing.mutedUntilMs !== null && nowMs < timing.mutedUntilMs) return 'muted';
    if (!timing.hasChannel) return 'no_channel';
    if (
      kind !== 'resolved' &&
      current.lastNotifiedMs !== null &&
      nowMs - current.lastNotifiedMs < timing.cooldownMinutes * MINUTE
    )
      return 'cooldown';
    return null;
  };
  const move = (to: AlertState, extra: Partial<AlertSliceMemory> = {}): AlertSliceMemory => ({
    ...current,
    state: to,
    sinceMs: nowMs,
    ...extra,
  });
  const sent = (m: AlertSliceMemory, suppressed: SuppressReason | null): AlertSliceMemory =>
    suppressed ? m : { ...m, lastNotifiedMs: nowMs };
  const fire = (): AlertStep => {
    const suppressed = blocked('firing');
    return {
      memory: sent(move('firing', { notified: suppressed === null }), suppressed),
      changed: { from, to: 'firing' },
      notify: { kind: 'firing', suppressed },
    };
  };

  if (breached) {
    if (current.state === 'firing') {
      if (!current.notified) {
        // A firing held back earlier: announce it once something may be sent.
        if (blocked('firing') !== null) return { memory: current, changed: null, notify: null };
        return {
          memory: { ...current, notified: true, lastNotifiedMs: nowMs },
          changed: null,
          notify: { kind: 'firing', suppressed: null },
        };
      }
      const due =
        timing.repeatMinutes !== null &&
        nowMs - (current.lastNotifiedMs ?? current.sinceMs) >= timing.repeatMinutes * MINUTE;
      if (!due || blocked('repeat') !== null) return { memory: current, changed: null, notify: null };
      return {
        memory: { ...current, lastNotifiedMs: nowMs },
        changed: null,
        notify: { kind: 'repeat', suppressed: null },
      };
    }
    if (current.state === 'pending') {
      if (nowMs - current.sinceMs >= timing.forMinutes * MINUTE) return fire();
      return { memory: current, changed: null, notify: null };
    }
    // ok or resolved (or the first evaluation): the condition starts holding now.
    if (timing.forMinutes === 0) return fire();
    return { memory: move('pending', { notified: false }), changed: { from, to: 'pending' }, notify: null };
  }

  if (current.state === 'firing') {
    const suppressed = current.notified ? blocked('resolved') : 'not_announced';
    return {
      memory: sent(move('resolved', { notified: false }), suppressed),
      changed: { from, to: 'resolved' },
      notify: { kind: 'resolved', suppressed },
    };
  }
  if (current.state === 'ok') {
    return prev
      ? { memory: current, changed: null, notify: null }
      : { memory: current, changed: { from, to: 'ok' }, notify: null };
  }
  // pending or resolved: back to ok.
  return { memory: move('ok', { notified: false }), changed: { from, to: 'ok' }, notify: null };
}
