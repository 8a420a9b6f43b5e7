// Owns one evaluation of a workspace's enabled rules: observe each (rule, slice), advance its state machine,
// write states, history and the deliveries due, and publish the state changes.
import { randomUUID } from 'node:crypto';
import {
  type AlertCondition,
  type AlertSliceMemory,
  type AlertState,
  nextAlertState,
} from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import type { EventBus } from '../events/EventBus.ts';
import type { Store, Tx } from '../store/Store.ts';
import type { AlertNotification } from './delivery/AlertNotification.ts';
import { type AnomalyLister, observeRule, type SliceObservation } from './observeRule.ts';
import { countFiringRules } from './queries/countFiringRules.ts';
import { deleteState } from './queries/deleteState.ts';
import { insertDelivery } from './queries/insertDelivery.ts';
import { insertEvent } from './queries/insertEvent.ts';
import { listChannels } from './queries/listChannels.ts';
import { listRules } from './queries/listRules.ts';
import { listStates } from './queries/listStates.ts';
import { setRuleEvaluated } from './queries/setRuleEvaluated.ts';
import { writeState } from './queries/writeState.ts';
import { alertJson, type StoredChannel, type StoredEvent, type StoredRule } from './StoredAlert.ts';

export interface EvaluatorDeps {
  store: Store;
  analytics: AnalyticsService;
  events: EventBus;
  anomalies?: AnomalyLister;
  /** The dashboard's base URL, for links in notifications. */
  publicUrl: string;
  log?: { warn(details: object, message: string): void };
}

export interface EvaluationSummary {
  rules: number;
  changes: number;
  notifications: number;
  /** Rules whose metric could not be read (their states stay). */
  errors: number;
}

/** The notification of a history entry, as stored with each of its deliveries. */
export function notificationOf(
  rule: StoredRule,
  condition: AlertCondition,
  e: StoredEvent,
  publicUrl: string,
): AlertNotification {
  const t = condition.type === 'threshold' ? condition : null;
  return {
    event_id: e.id,
    kind: e.kind as AlertNotification['kind'],
    workspace_id: e.workspace_id,
    rule: { id: rule.id, name: rule.name, description: rule.description },
    slice_key: e.slice_key,
    state: e.to_state as AlertState,
    metric: condition.metric ?? null,
    value: e.value,
    comparator: t?.comparator ?? null,
    threshold: t?.threshold ?? null,
    window_minutes: t?.window_minutes ?? null,
    anomaly_id: e.anomaly_id,
    at: new Date(e.at_ms).toISOString(),
    url: `${publicUrl}/alerts?rule=${encodeURIComponent(rule.id)}`,
  };
}

/**
 * Writes a history entry and, unless suppressed, one pending delivery per channel: due at once, or (`due`
 * false: a test, which its request attempts itself) never picked up by the delivery passes.
 */
export async function recordNotification(
  tx: Tx,
  rule: StoredRule,
  condition: AlertCondition,
  e: StoredEvent,
  channels: StoredChannel[],
  publicUrl: string,
  due = true,
): Promise<string[]> {
  await insertEvent(tx, e);
  if (e.suppressed !== null) return [];
  const message = notificationOf(rule, condition, e, publicUrl);
  const ids: string[] = [];
  for (const c of channels) {
    const id = randomUUID();
    ids.push(id);
    await insertDelivery(tx, {
      workspace_id: e.workspace_id,
      id,
      event_id: e.id,
      channel_id: c.id,
      channel_type: c.type,
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_ms: due ? e.at_ms : null,
      delivered_ms: null,
      message,
      created_ms: e.at_ms,
    });
  }
  return ids;
}

export async function evaluateWorkspace(
  deps: EvaluatorDeps,
  workspaceId: string,
  nowMs: number,
): Promise<EvaluationSummary> {
  const rules = await listRules(deps.store, workspaceId, { enabledOnly: true });
  const summary: EvaluationSummary = { rules: rules.length, changes: 0, notifications: 0, errors: 0 };
  if (rules.length === 0) return summary;
  const allChannels = await listChannels(deps.store, workspaceId);
  const changed: { rule_id: string; slice_key: string; state: AlertState }[] = [];
  for (const rule of rules) {
    const condition = alertJson(rule.condition) as AlertCondition;
    let seen: Map<string, SliceObservation>;
    try {
      seen = await observeRule(deps.analytics, deps.anomalies, workspaceId, condition, nowMs);
    } catch (e) {
      summary.errors++;
      deps.log?.warn({ err: e, rule: rule.id }, 'alerts: reading a rule’s metric failed');
      continue;
    }
    const channels = allChannels.filter((c) => c.rule_id === rule.id && c.enabled);
    const stored = new Map((await listStates(deps.store, workspaceId, rule.id)).map((s) => [s.slice_key, s]));
    const keys = new Set([...stored.keys(), ...seen.keys()]);
    if (keys.size === 0 && condition.slice.dimension === 'overall') keys.add('overall');
    const timing = {
      forMinutes: condition.for_minutes,
      cooldownMinutes: Number(rule.cooldown_minutes),
      repeatMinutes: rule.repeat_minutes === null ? null : Number(rule.repeat_minutes),
      mutedUntilMs: rule.muted_until_ms === null ? null : Number(rule.muted_until_ms),
      hasChannel: channels.length > 0,
    };
    await deps.store.transaction(async (tx) => {
      for (const key of [...keys].sort()) {
        const s = stored.get(key);
        const obs = seen.get(key) ?? { value: null, breached: false, anomalyId: null };
        const memory: AlertSliceMemory | null = s
          ? {
              state: s.state as AlertState,
              sinceMs: Number(s.since_ms),
              lastNotifiedMs: s.last_notified_ms === null ? null : Number(s.last_notified_ms),
              notified: Boolean(s.notified),
            }
          : null;
        const step = nextAlertState(memory, obs.breached, timing, nowMs);
        // A slice that no longer has data and rests at ok is forgotten (models come and go).
        if (!seen.has(key) && step.memory.state === 'ok' && key !== 'overall') {
          if (s) await deleteState(tx, workspaceId, rule.id, key);
        } else {
          await writeState(tx, {
            workspace_id: workspaceId,
            rule_id: rule.id,
            slice_key: key,
            state: step.memory.state,
            since_ms: step.memory.sinceMs,
            value: obs.value,
            last_notified_ms: step.memory.lastNotifiedMs,
            notified: step.memory.notified,
            updated_ms: nowMs,
          });
        }
        // A slice seen for the first time at ok changed nothing anyone saw.
        if (step.changed && !(step.changed.from === null && step.changed.to === 'ok')) {
          summary.changes++;
          changed.push({ rule_id: rule.id, slice_key: key, state: step.memory.state });
        }
        if (step.notify) {
          const e: StoredEvent = {
            workspace_id: workspaceId,
            id: randomUUID(),
            rule_id: rule.id,
            rule_name: rule.name,
            slice_key: key,
            kind: step.notify.kind,
            from_state: memory?.state ?? null,
            to_state: step.memory.state,
            value: obs.value,
            threshold: condition.type === 'threshold' ? condition.threshold : null,
            anomaly_id: obs.anomalyId,
            suppressed: step.notify.suppressed,
            at_ms: nowMs,
          };
          await recordNotification(tx, rule, condition, e, channels, deps.publicUrl);
          if (e.suppressed === null) summary.notifications++;
        }
      }
      await setRuleEvaluated(tx, workspaceId, rule.id, nowMs);
    });
  }
  if (changed.length > 0) {
    const firing = await countFiringRules(deps.store, workspaceId);
    for (const c of changed) deps.events.publish(workspaceId, { type: 'alert', data: { ...c, firing } });
  }
  return summary;
}
