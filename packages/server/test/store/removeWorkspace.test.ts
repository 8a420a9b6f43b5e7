// Store.removeWorkspace on both engines: one transaction empties the workspace in every catalogue table while
// ingest commits of another workspace run, which all land; the store forgets what it held of the removed one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE, type IngestBatch } from '@llm-analytics/core';
import { insertMembership } from '../../src/accounts/queries/insertMembership.ts';
import { insertActivity } from '../../src/activity/queries/insertActivity.ts';
import { insertDelivery } from '../../src/alerts/queries/insertDelivery.ts';
import { insertEvent } from '../../src/alerts/queries/insertEvent.ts';
import { insertRule } from '../../src/alerts/queries/insertRule.ts';
import { markAlertDefaults } from '../../src/alerts/queries/markAlertDefaults.ts';
import { replaceChannels } from '../../src/alerts/queries/replaceChannels.ts';
import { writeState } from '../../src/alerts/queries/writeState.ts';
import { insertAnomalies } from '../../src/anomalies/queries/insertAnomalies.ts';
import { insertApiKey } from '../../src/auth/queries/insertApiKey.ts';
import { insertExperiment } from '../../src/experiments/queries/insertExperiment.ts';
import { insertExport } from '../../src/exports/queries/insertExport.ts';
import { insertJob } from '../../src/jobs/queries/insertJob.ts';
import { replaceSettings } from '../../src/settings/queries/replaceSettings.ts';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import type { Store, Tx } from '../../src/store/Store.ts';
import { insertWorkspace } from '../../src/workspaces/queries/insertWorkspace.ts';
import { ENGINES } from '../helpers/engines.ts';
import { spanRow } from '../helpers/spanRow.ts';
import { commitBatch, withStore } from '../helpers/storeFor.ts';

const T = '2025-05-01T10:00:00Z';
/** Every table that holds rows of a workspace (the ones removal must empty), from the catalogue itself. */
const WORKSPACE_TABLES = CATALOGUE.filter((t) => 'workspace_id' in t.columns).map((t) => t.name);

const facts = (i: number, session: string): IngestBatch => ({
  models: [{ model_id: `gpt-${i}`, provider: 'openai', training_method: 'base' }],
  conversations: [{ id: `c${i}`, session_id: session }],
  messages: [
    {
      id: `m${i}`,
      conversation_id: `c${i}`,
      role: 'assistant',
      model_id: `gpt-${i}`,
      provider: 'openai',
      created_at: T,
      tools_called: [{ name: 'search', success: true }],
    },
  ],
  evaluations: [{ id: `e${i}`, message_id: `m${i}`, rating: 4, failure_tags: ['tone'] }],
});

async function counts(store: Store, ws: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of WORKSPACE_TABLES) {
    const [r] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t} WHERE workspace_id = $1`, [
      ws,
    ]);
    out[t] = Number(r.n);
  }
  const [w] = await store.query<{ n: number }>('SELECT count(*) AS n FROM workspaces WHERE id = $1', [ws]);
  out.workspaces = Number(w.n);
  return out;
}

/** A workspace with rows in every table: its facts through ingest, the rest as the services write them. */
async function fill(store: Store, ws: string): Promise<void> {
  await store.transaction(async (tx) => {
    await insertWorkspace(tx, ws, ws);
    await replaceSettings(tx, ws, JSON.stringify({ sla_threshold_ms: 900 }));
    await insertMembership(tx, ws, `user-${ws}`, 'owner');
    await insertApiKey(tx, {
      id: `key-${ws}`,
      workspaceId: ws,
      name: null,
      prefix: 'lla_x',
      hash: `hash-${ws}`,
      scope: 'admin',
      createdBy: null,
    });
    await insertActivity(tx, {
      id: `act-${ws}`,
      workspaceId: ws,
      atMs: 1,
      actor: 'test',
      action: 'workspace.create',
      target: null,
      details: null,
    });
    await insertJob(tx, {
      id: `job-${ws}`,
      workspaceId: ws,
      kind: 'retention',
      payload: '{"retention_days":30}',
      createdMs: 1,
      runAtMs: 1,
    });
    await insertExperiment(tx, {
      workspace_id: ws,
      id: `exp-${ws}`,
      name: 'prompt v2',
      hypothesis: null,
      unit: 'conversation',
      status: 'draft',
      status_changed_by: 'test',
      status_changed_ms: 1,
      variants: JSON.stringify([
        { name: 'a', session_ids: ['old-session'] },
        { name: 'b', session_ids: ['b'] },
      ]),
      control: 'a',
      primary_metric: 'success_rate',
      secondary_metrics: '[]',
      min_effect: null,
      planned_split: null,
      start_ms: null,
      end_ms: null,
      conclusion: null,
      created_by: 'test',
      created_ms: 1,
      updated_ms: 1,
    });
    await insertExport(tx, {
      id: `exp-${ws}`,
      workspaceId: ws,
      jobId: null,
      status: 'done',
      format: 'csv',
      exportType: 'overview',
      request: '{}',
      fileName: 'x.csv',
      contentType: 'text/csv',
      filePath: null,
      fileBytes: 1,
      rows: 1,
      requestedBy: 'test',
      createdMs: 1,
      finishedMs: 1,
      expiresMs: 2,
    });
    await insertAnomalies(tx, [
      {
        workspace_id: ws,
        id: `anom-${ws}`,
        metric: 'success_rate',
        granularity: 'day',
        slice_dimension: 'overall',
        slice_value: null,
        direction: 'drop',
        start_ms: 0,
        end_ms: 86_400_000,
        buckets: 1,
        peak_ms: 0,
        peak_value: 30,
        peak_score: -8,
        expected_value: 80,
        expected_low: 70,
        expected_high: 90,
        sample: 200,
        baseline: 'day_of_week',
        severity: 'high',
        sensitivity: 'low',
        points: '[]',
        status: 'open',
        acknowledged_by: null,
        acknowledged_ms: null,
        resolved_by: null,
        resolved_ms: null,
        detected_ms: 1,
        updated_ms: 1,
      },
    ]);
    await fillAlerts(tx, ws);
  });
  await commitBatch(store, ws, facts(0, 'old-session'));
  const at = Date.parse(T);
  await store.commit({
    ...emptyRowSet(),
    spans: [
      spanRow({
        workspace_id: ws,
        trace_id: '0af7651916cd43dd8448eb211c80319c',
        span_id: 'b7ad6b7169203331',
        name: 'chat gpt-0',
        kind: 3,
        start_time: at,
        duration_ms: 840,
        service_name: 'svc',
      }),
    ],
  });
}

/** One row in each alert table. */
async function fillAlerts(tx: Tx, ws: string): Promise<void> {
  const condition = { type: 'threshold', metric: 'error_rate', comparator: 'gt', threshold: 5 };
  await insertRule(tx, {
    workspace_id: ws,
    id: `rule-${ws}`,
    name: 'errors',
    description: null,
    condition,
    cooldown_minutes: 30,
    repeat_minutes: null,
    muted_until_ms: null,
    enabled: true,
    suggestion: null,
    last_evaluated_ms: 1,
    created_by: 'test',
    created_ms: 1,
    updated_ms: 1,
  });
  await replaceChannels(tx, ws, `rule-${ws}`, [
    {
      workspace_id: ws,
      id: `chan-${ws}`,
      rule_id: `rule-${ws}`,
      position: 0,
      type: 'webhook',
      name: 'hook',
      url: 'https://example.com/hook',
      recipients: null,
      secret: 'whsec_abcd',
      enabled: true,
      consecutive_failures: 0,
      disabled_reason: null,
      created_ms: 1,
    },
  ]);
  await writeState(tx, {
    workspace_id: ws,
    rule_id: `rule-${ws}`,
    slice_key: 'overall',
    state: 'firing',
    since_ms: 1,
    value: 9,
    last_notified_ms: 1,
    notified: true,
    updated_ms: 1,
  });
  const event = {
    workspace_id: ws,
    id: `event-${ws}`,
    rule_id: `rule-${ws}`,
    rule_name: 'errors',
    slice_key: 'overall',
    kind: 'firing',
    from_state: 'ok',
    to_state: 'firing',
    value: 9,
    threshold: 5,
    anomaly_id: null,
    suppressed: null,
    at_ms: 1,
  };
  await insertEvent(tx, event);
  await insertDelivery(tx, {
    workspace_id: ws,
    id: `delivery-${ws}`,
    event_id: event.id,
    channel_id: `chan-${ws}`,
    channel_type: 'webhook',
    status: 'delivered',
    attempts: 1,
    last_error: null,
    next_attempt_ms: null,
    delivered_ms: 1,
    message: { event_id: event.id },
    created_ms: 1,
  });
  await markAlertDefaults(tx, ws, 1);
}

for (const engine of ENGINES) {
  describe(`Store.removeWorkspace on ${engine}`, () => {
    it('empties the workspace in every table while another workspace keeps ingesting', () =>
      withStore(engine, async (store) => {
        await fill(store, 'gone');
        await fill(store, 'kept');
        const full = await counts(store, 'gone');
        for (const [t, n] of Object.entries(full)) assert.ok(n > 0, `the fixture fills ${t}`);

        const commits = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => commitBatch(store, 'kept', facts(i, `s${i}`)));
        const removal = store.removeWorkspace('gone');
        const later = [9, 10].map((i) => commitBatch(store, 'kept', facts(i, `s${i}`)));
        await Promise.all([removal, ...commits, ...later]);

        const empty = Object.fromEntries(Object.keys(full).map((t) => [t, 0]));
        assert.deepEqual(await counts(store, 'gone'), empty);
        const kept = await counts(store, 'kept');
        assert.equal(kept.workspaces, 1);
        for (const t of ['models', 'conversations', 'messages', 'tool_calls', 'evaluations'])
          assert.equal(kept[t], 11, `kept's ${t}`);
        for (const t of [
          'settings',
          'memberships',
          'api_keys',
          'activity',
          'jobs',
          'analytics_exports',
          'analytics_anomalies',
          'analytics_alert_rules',
          'analytics_alert_channels',
          'analytics_alert_states',
          'analytics_alert_events',
          'analytics_alert_deliveries',
          'analytics_alert_defaults',
        ])
          assert.equal(kept[t], 1, t);
        // Every kept message's code still names its model.
        const [coded] = await store.query<{ n: number }>(
          `SELECT count(*) AS n FROM messages m JOIN value_codes v
             ON v.workspace_id = m.workspace_id AND v.code = m.model_code AND v.value = m.model_id
           WHERE m.workspace_id = 'kept'`,
        );
        assert.equal(Number(coded.n), 11);
      }));

    it('forgets the removed conversations: a late message of the same id carries nothing of them', () =>
      withStore(engine, async (store) => {
        await fill(store, 'gone');
        await store.removeWorkspace('gone');
        await commitBatch(store, 'gone', {
          messages: [{ id: 'm-late', conversation_id: 'c0', role: 'user', created_at: T }],
        });
        const rows = await store.query<{ session_id: string | null }>(
          "SELECT session_id FROM messages WHERE workspace_id = 'gone'",
        );
        assert.deepEqual(rows, [{ session_id: null }]);
      }));
  });
}
