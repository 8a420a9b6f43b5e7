// Owns turning stored alert rows into their wire shapes: a rule (with channels and slice states), a history entry.
import type {
  AlertChannel,
  AlertChannelType,
  AlertCondition,
  AlertDelivery,
  AlertEvent,
  AlertNotificationKind,
  AlertRule,
  AlertState,
  DeliveryStatus,
} from '@llm-analytics/core';
import {
  alertJson,
  type StoredChannel,
  type StoredDelivery,
  type StoredEvent,
  type StoredRule,
  type StoredState,
} from './StoredAlert.ts';

const iso = (ms: number | null) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
const num = (v: number | null) => (v === null || v === undefined ? null : Number(v));

/** Worst first: the rule's state is its worst slice's. */
const RANK: Record<AlertState, number> = { firing: 3, pending: 2, resolved: 1, ok: 0 };

export function worstState(states: readonly AlertState[]): AlertState {
  return states.reduce<AlertState>((w, s) => (RANK[s] > RANK[w] ? s : w), 'ok');
}

export function toAlertChannel(c: StoredChannel): AlertChannel {
  const to = alertJson(c.recipients) as string[] | null;
  return {
    id: c.id,
    type: c.type as AlertChannelType,
    name: c.name,
    url: c.url,
    to,
    secret_hint: c.secret ? c.secret.slice(-4) : null,
    enabled: Boolean(c.enabled),
    consecutive_failures: Number(c.consecutive_failures),
    disabled_reason: c.disabled_reason,
  };
}

export function toAlertRule(r: StoredRule, channels: StoredChannel[], states: StoredState[]): AlertRule {
  const slices = states.map((s) => ({
    slice_key: s.slice_key,
    state: s.state as AlertState,
    since: iso(s.since_ms) as string,
    value: num(s.value),
    last_notified_at: iso(s.last_notified_ms),
  }));
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    condition: alertJson(r.condition) as AlertCondition,
    channels: channels.map(toAlertChannel),
    cooldown_minutes: Number(r.cooldown_minutes),
    repeat_minutes: num(r.repeat_minutes),
    muted_until: iso(r.muted_until_ms),
    enabled: Boolean(r.enabled),
    state: worstState(slices.map((s) => s.state)),
    slices,
    suggested: r.suggestion !== null,
    last_evaluated_at: iso(r.last_evaluated_ms),
    created_by: r.created_by,
    created_at: iso(r.created_ms) as string,
    updated_at: iso(r.updated_ms) as string,
  };
}

export function toAlertDelivery(d: StoredDelivery): AlertDelivery {
  return {
    id: d.id,
    channel_id: d.channel_id,
    channel_type: d.channel_type as AlertChannelType,
    status: d.status as DeliveryStatus,
    attempts: Number(d.attempts),
    last_error: d.last_error,
    next_attempt_at: iso(d.next_attempt_ms),
    delivered_at: iso(d.delivered_ms),
  };
}

export function toAlertEvent(e: StoredEvent, deliveries: StoredDelivery[]): AlertEvent {
  return {
    id: e.id,
    rule_id: e.rule_id,
    rule_name: e.rule_name,
    slice_key: e.slice_key,
    kind: e.kind as AlertNotificationKind,
    from_state: e.from_state as AlertState | null,
    to_state: e.to_state as AlertState,
    value: num(e.value),
    threshold: num(e.threshold),
    anomaly_id: e.anomaly_id,
    suppressed: e.suppressed,
    at: iso(e.at_ms) as string,
    deliveries: deliveries.filter((d) => d.event_id === e.id).map(toAlertDelivery),
  };
}
