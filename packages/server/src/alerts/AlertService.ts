// Owns a workspace's alert rules: create, read, edit, delete (each logged), the suggested defaults, test
// deliveries, the history, and the evaluation and delivery passes the job runner calls.
import { randomUUID } from 'node:crypto';
import {
  type AlertCondition,
  type AlertEvent,
  type AlertHistoryQuerySchema,
  type AlertRule,
  type CreateAlertRuleRequest,
  CreateAlertRuleRequestSchema,
  parseQuery,
  SUGGESTED_ALERT_RULES,
  type UpdateAlertRuleRequest,
} from '@llm-analytics/core';
import type { z } from 'zod';
import type { ActivityService } from '../activity/ActivityService.ts';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import type { EventBus } from '../events/EventBus.ts';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { type EvaluationSummary, evaluateWorkspace, recordNotification } from './AlertEvaluator.ts';
import { buildChannels } from './buildChannels.ts';
import { AlertDeliverer } from './delivery/AlertDeliverer.ts';
import { ChannelSender, type DeliveryConfig } from './delivery/ChannelSender.ts';
import { mergeRulePatch, ruleColumns } from './mergeRulePatch.ts';
import { type AnomalyLister, thresholdQuery } from './observeRule.ts';
import { deleteRule } from './queries/deleteRule.ts';
import { deleteState } from './queries/deleteState.ts';
import { findRule } from './queries/findRule.ts';
import { hasAlertDefaults } from './queries/hasAlertDefaults.ts';
import { insertRule } from './queries/insertRule.ts';
import { listChannels } from './queries/listChannels.ts';
import { listEventDeliveries } from './queries/listEventDeliveries.ts';
import { listEvents } from './queries/listEvents.ts';
import { listRules } from './queries/listRules.ts';
import { listStates } from './queries/listStates.ts';
import { markAlertDefaults } from './queries/markAlertDefaults.ts';
import { replaceChannels } from './queries/replaceChannels.ts';
import { updateRule } from './queries/updateRule.ts';
import { alertJson, type StoredEvent, type StoredRule } from './StoredAlert.ts';
import { toAlertEvent, toAlertRule, worstState } from './toAlertRule.ts';

type Written = { rule: AlertRule; secrets: { channel_id: string; secret: string }[] };

export interface AlertServiceDeps {
  store: Store;
  analytics: AnalyticsService;
  events: EventBus;
  activity: ActivityService;
  /** Anomaly conditions need it; without it they are refused with 400 `not_available`. */
  anomalies?: AnomalyLister;
}

export interface AlertServiceOptions {
  publicUrl: string;
  delivery: Omit<DeliveryConfig, 'now'>;
  now?: () => number;
  log?: { warn(details: object, message: string): void };
}

const notFound = () => new ApiError(404, 'alert_rule_not_found', 'no such alert rule in this workspace');

export class AlertService {
  readonly now: () => number;
  private readonly sender: ChannelSender;
  private readonly deliverer: AlertDeliverer;
  /** Workspaces known to have had their suggested rules: no query for them again. */
  private readonly seeded = new Set<string>();

  constructor(
    private readonly deps: AlertServiceDeps,
    private readonly opts: AlertServiceOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.sender = new ChannelSender({ ...opts.delivery, now: this.now });
    this.deliverer = new AlertDeliverer(deps.store, this.sender, this.now);
  }

  async list(workspaceId: string): Promise<AlertRule[]> {
    await this.ensureDefaults(workspaceId);
    const [rules, channels, states] = await Promise.all([
      listRules(this.deps.store, workspaceId),
      listChannels(this.deps.store, workspaceId),
      listStates(this.deps.store, workspaceId),
    ]);
    return rules.map((r) =>
      toAlertRule(
        r,
        channels.filter((c) => c.rule_id === r.id),
        states.filter((s) => s.rule_id === r.id),
      ),
    );
  }

  async get(workspaceId: string, id: string): Promise<AlertRule> {
    const r = await findRule(this.deps.store, workspaceId, id);
    if (!r) throw notFound();
    return this.toWire(r);
  }

  async create(workspaceId: string, actor: string, body: CreateAlertRuleRequest): Promise<Written> {
    const parsed = CreateAlertRuleRequestSchema.parse(body);
    await this.checkCondition(workspaceId, parsed.condition);
    const at = this.now();
    const row: StoredRule = {
      workspace_id: workspaceId,
      id: randomUUID(),
      ...ruleColumns(parsed),
      suggestion: null,
      last_evaluated_ms: null,
      created_by: actor,
      created_ms: at,
      updated_ms: at,
    };
    const { channels, secrets } = buildChannels(workspaceId, row.id, parsed.channels, [], at);
    await this.deps.store.transaction(async (tx) => {
      await insertRule(tx, row);
      await replaceChannels(tx, workspaceId, row.id, channels);
    });
    await this.deps.activity.record(workspaceId, actor, 'alert.create', row.id, { name: row.name });
    return { rule: await this.get(workspaceId, row.id), secrets };
  }

  /**
   * Fields sent replace the stored ones; `channels` replaces the list (named by id to keep one and its secret;
   * listing a channel re-enables it). A changed condition, or turning the rule off, forgets its slice states.
   */
  async update(
    workspaceId: string,
    actor: string,
    id: string,
    patch: UpdateAlertRuleRequest,
  ): Promise<Written> {
    const current = await findRule(this.deps.store, workspaceId, id);
    if (!current) throw notFound();
    const merged = mergeRulePatch(current, patch);
    if (patch.condition) await this.checkCondition(workspaceId, merged.condition);
    const at = this.now();
    const next: StoredRule = { ...current, ...ruleColumns(merged), updated_ms: at };
    const conditionChanged =
      JSON.stringify(merged.condition) !== JSON.stringify(alertJson(current.condition));
    const result = await this.deps.store.transaction(async (tx) => {
      if (!(await findRule(tx, workspaceId, id))) throw notFound();
      await updateRule(tx, next);
      if (conditionChanged || !next.enabled) await deleteState(tx, workspaceId, id);
      if (patch.channels === undefined) return { secrets: [] };
      const existing = await listChannels(tx, workspaceId, id);
      const built = buildChannels(workspaceId, id, patch.channels, existing, at);
      await replaceChannels(tx, workspaceId, id, built.channels);
      return { secrets: built.secrets };
    });
    await this.deps.activity.record(workspaceId, actor, 'alert.update', id, {
      name: next.name,
      fields: Object.keys(patch),
    });
    return { rule: await this.get(workspaceId, id), secrets: result.secrets };
  }

  async remove(workspaceId: string, actor: string, id: string): Promise<void> {
    const row = await findRule(this.deps.store, workspaceId, id);
    if (!row) throw notFound();
    const gone = await this.deps.store.transaction((tx) => deleteRule(tx, workspaceId, id));
    if (!gone) throw notFound();
    await this.deps.activity.record(workspaceId, actor, 'alert.delete', id, { name: row.name });
  }

  /** A `test` notification to each of the rule's channels (disabled ones too), attempted once, at once. */
  async test(workspaceId: string, actor: string, id: string): Promise<AlertEvent> {
    const rule = await findRule(this.deps.store, workspaceId, id);
    if (!rule) throw notFound();
    const condition = alertJson(rule.condition) as AlertCondition;
    const channels = await listChannels(this.deps.store, workspaceId, id);
    const states = await listStates(this.deps.store, workspaceId, id);
    const worst = worstState(states.map((s) => s.state as AlertRule['state']));
    const at = this.now();
    const e: StoredEvent = {
      workspace_id: workspaceId,
      id: randomUUID(),
      rule_id: id,
      rule_name: rule.name,
      slice_key: states.find((s) => s.state === worst)?.slice_key ?? 'overall',
      kind: 'test',
      from_state: null,
      to_state: worst,
      value: states.find((s) => s.state === worst)?.value ?? null,
      threshold: condition.type === 'threshold' ? condition.threshold : null,
      anomaly_id: null,
      suppressed: channels.length === 0 ? 'no_channel' : null,
      at_ms: at,
    };
    await this.deps.store.transaction((tx) =>
      recordNotification(tx, rule, condition, e, channels, this.opts.publicUrl, false),
    );
    const pending = (await listEventDeliveries(this.deps.store, workspaceId, [e.id])).sort(
      (a, b) =>
        channels.findIndex((c) => c.id === a.channel_id) - channels.findIndex((c) => c.id === b.channel_id),
    );
    const done = await Promise.all(
      pending.map((d) =>
        this.deliverer.attempt(
          d,
          channels.find((c) => c.id === d.channel_id),
          { retry: false },
        ),
      ),
    );
    await this.deps.activity.record(workspaceId, actor, 'alert.test', id, { name: rule.name });
    return toAlertEvent(e, done);
  }

  async history(workspaceId: string, q: z.output<typeof AlertHistoryQuerySchema>): Promise<AlertEvent[]> {
    const events = await listEvents(this.deps.store, workspaceId, {
      ruleId: q.rule_id,
      beforeMs: q.before ? Date.parse(q.before) : undefined,
      limit: q.limit,
    });
    const deliveries = await listEventDeliveries(
      this.deps.store,
      workspaceId,
      events.map((e) => e.id),
    );
    return events.map((e) => toAlertEvent(e, deliveries));
  }

  /** Evaluates every enabled rule of the workspace now (the `alert_evaluation` job), then sends what is due. */
  async evaluate(workspaceId: string): Promise<EvaluationSummary & { delivered: number }> {
    const summary = await evaluateWorkspace(
      { ...this.deps, publicUrl: this.opts.publicUrl, log: this.opts.log },
      workspaceId,
      this.now(),
    );
    const sent = await this.deliverDue(workspaceId);
    return { ...summary, delivered: sent.delivered };
  }

  /** Attempts the workspace's due deliveries (first attempts and retries). */
  deliverDue(workspaceId: string): Promise<{ attempted: number; delivered: number }> {
    return this.deliverer.deliverDue(workspaceId);
  }

  /** Gives the workspace the suggested rules (off) unless it was given them before; idempotent. */
  async ensureDefaults(workspaceId: string, recheck = false): Promise<void> {
    // `recheck`: a new workspace, perhaps re-created under a removed one's id.
    if (this.seeded.has(workspaceId) && !recheck) return;
    if (await hasAlertDefaults(this.deps.store, workspaceId)) {
      this.seeded.add(workspaceId);
      return;
    }
    const at = this.now();
    const seed = this.deps.store.transaction(async (tx) => {
      if (await hasAlertDefaults(tx, workspaceId)) return;
      for (const [key, body] of Object.entries(SUGGESTED_ALERT_RULES)) {
        const parsed = CreateAlertRuleRequestSchema.parse(body);
        await insertRule(tx, {
          workspace_id: workspaceId,
          id: randomUUID(),
          ...ruleColumns(parsed),
          suggestion: key,
          last_evaluated_ms: null,
          created_by: null,
          created_ms: at,
          updated_ms: at,
        });
      }
      await markAlertDefaults(tx, workspaceId, at);
    });
    try {
      await seed;
    } catch (e) {
      // Another instance (or a concurrent request) seeded it first: its mark's unique index refused ours.
      if (!(await hasAlertDefaults(this.deps.store, workspaceId))) throw e;
    }
    this.seeded.add(workspaceId);
  }

  close(): void {
    this.sender.close();
  }

  /** 400 when the condition cannot be evaluated: an unknown metric, a bad filter, anomalies unavailable. */
  private async checkCondition(workspaceId: string, c: AlertCondition): Promise<void> {
    if (c.type === 'anomaly') {
      if (!this.deps.anomalies)
        throw new ApiError(400, 'not_available', 'anomaly conditions are not available in this server yet');
      return;
    }
    // Compiling the rule's own query checks the metric, the slice dimension and the filters (QueryError → 400).
    await this.deps.analytics.compile(workspaceId, parseQuery(thresholdQuery(c, this.now())));
  }

  private async toWire(r: StoredRule): Promise<AlertRule> {
    const [channels, states] = await Promise.all([
      listChannels(this.deps.store, r.workspace_id, r.id),
      listStates(this.deps.store, r.workspace_id, r.id),
    ]);
    return toAlertRule(r, channels, states);
  }
}
