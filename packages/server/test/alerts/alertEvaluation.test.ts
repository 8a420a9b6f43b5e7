// The evaluator end to end on both engines: real messages through the HTTP ingest, rules read through the
// analytics query road; a rule fires once across several evaluations, resolves with a notification, per-model
// slices keep their own state, state changes are published, and anomaly rules follow open anomalies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertStateEvent, DetectedAnomaly } from '@llm-analytics/core';
import type { BusEvent } from '../../src/events/EventBus.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { clockAt, clockedAlerts, ingestMessages, MIN, testEpoch } from './alertFixture.ts';
import { type HttpReceiver, startHttpReceiver } from './receivers.ts';

for (const engine of ENGINES) {
  describe(`alert evaluation on ${engine}`, () => {
    let s: TestServer;
    let hook: HttpReceiver;
    before(async () => {
      s = await startTestServer({ engine });
      hook = await startHttpReceiver();
    });
    after(async () => {
      await hook.close();
      await s.close();
    });

    it('fires once across evaluations, resolves with a notification, publishes each change', async () => {
      const T = testEpoch();
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const published: BusEvent[] = [];
      const stop = s.ctx.events.subscribe(ws, (e) => published.push(e));
      const { rule } = await alerts.create(ws, 'test', {
        name: 'errors over 20%',
        condition: {
          type: 'threshold',
          metric: 'error_rate',
          comparator: 'gt',
          threshold: 20,
          window_minutes: 15,
        },
        channels: [{ type: 'webhook', url: `${hook.url}/e2e` }],
        cooldown_minutes: 0,
        enabled: true,
      });
      // 5 errors in 10 messages: 50 %.
      await ingestMessages(s, T - 10 * MIN, 10, 5);
      for (let i = 0; i < 3; i++) {
        const r = await alerts.evaluate(ws);
        assert.equal(r.errors, 0);
        clock.advance(MIN);
      }
      let got = await alerts.get(ws, rule.id);
      assert.equal(got.state, 'firing');
      assert.equal(got.slices.length, 1);
      assert.equal(got.slices[0].slice_key, 'overall');
      assert.equal(got.slices[0].value, 50);
      assert.equal(got.slices[0].since, new Date(T).toISOString());
      const fired = hook.received.filter((x) => x.url === '/e2e');
      assert.equal(fired.length, 1, 'one notification for three evaluations');
      const body = JSON.parse(fired[0].body);
      assert.equal(body.type, 'alert.firing');
      assert.equal(body.data.value, 50);
      assert.equal(body.data.threshold, 20);
      assert.equal(body.data.rule.id, rule.id);
      assert.equal(body.data.url, `https://analytics.example.com/alerts?rule=${rule.id}`);

      // 40 good messages: 5 / 50 = 10 %, below the threshold.
      await ingestMessages(s, T + 2 * MIN, 40, 0);
      await alerts.evaluate(ws);
      got = await alerts.get(ws, rule.id);
      assert.equal(got.state, 'resolved');
      assert.equal(got.slices[0].value, 10);
      clock.advance(MIN);
      await alerts.evaluate(ws);
      assert.equal((await alerts.get(ws, rule.id)).state, 'ok');
      const sent = hook.received.filter((x) => x.url === '/e2e').map((x) => JSON.parse(x.body).type);
      assert.deepEqual(sent, ['alert.firing', 'alert.resolved']);

      const history = await alerts.history(ws, { rule_id: rule.id, limit: 10 });
      assert.deepEqual(
        history.map((e) => [e.kind, e.from_state, e.to_state, e.value, e.suppressed]),
        [
          ['resolved', 'firing', 'resolved', 10, null],
          ['firing', null, 'firing', 50, null],
        ],
      );
      assert.ok(history.every((e) => e.deliveries.length === 1 && e.deliveries[0].status === 'delivered'));
      stop();
      const states = published
        .filter((e) => e.type === 'alert')
        .map((e) => e.data as AlertStateEvent)
        .filter((d) => d.rule_id === rule.id);
      assert.deepEqual(
        states.map((d) => [d.state, d.firing]),
        [
          ['firing', 1],
          ['resolved', 0],
          ['ok', 0],
        ],
      );
      await alerts.remove(ws, 'test', rule.id);
    });

    it('per-model slices: each model has its own state and fires on its own', async () => {
      const T = testEpoch() + 60 * MIN;
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const { rule } = await alerts.create(ws, 'test', {
        name: 'errors per model',
        condition: {
          type: 'threshold',
          metric: 'error_rate',
          slice: { dimension: 'model' },
          comparator: 'gte',
          threshold: 30,
          window_minutes: 10,
          for_minutes: 2,
        },
        enabled: true,
      });
      await ingestMessages(s, T - 5 * MIN, 10, 4, 'model-bad');
      await ingestMessages(s, T - 5 * MIN, 10, 1, 'model-good');
      const states = async () =>
        Object.fromEntries((await alerts.get(ws, rule.id)).slices.map((x) => [x.slice_key, x.state]));
      await alerts.evaluate(ws);
      assert.deepEqual(await states(), { 'model:model-bad': 'pending', 'model:model-good': 'ok' });
      clock.advance(2 * MIN);
      await alerts.evaluate(ws);
      assert.deepEqual(await states(), { 'model:model-bad': 'firing', 'model:model-good': 'ok' });
      const [firing] = await alerts.history(ws, { rule_id: rule.id, limit: 5 });
      assert.equal(firing.slice_key, 'model:model-bad');
      assert.equal(firing.suppressed, 'no_channel');
      // Disabled: evaluated no more, its states forgotten.
      await alerts.update(ws, 'test', rule.id, { enabled: false });
      assert.deepEqual((await alerts.get(ws, rule.id)).slices, []);
      await alerts.remove(ws, 'test', rule.id);
    });

    it('anomaly rules fire on an open anomaly and resolve when it is resolved', async () => {
      const T = testEpoch();
      const clock = clockAt(T);
      const alerts = clockedAlerts(s, clock);
      const ws = s.workspaceId;
      const start = new Date(T - 3 * 3600_000).toISOString();
      const anomaly: DetectedAnomaly = {
        id: 'anomaly-for-alert',
        metric: 'success_rate',
        granularity: 'hour',
        slice: { dimension: 'model', value: 'model-a' },
        direction: 'drop',
        start,
        end: new Date(T - 2 * 3600_000).toISOString(),
        buckets: 1,
        peak: { start, value: 61, score: -7 },
        expected: { value: 90, low: 84, high: 96 },
        sample: 400,
        baseline: 'trailing',
        severity: 'high',
        sensitivity: 'low',
        points: [{ start, value: 61, expected: 90, low: 84, high: 96, score: -7 }],
      };
      const { rule } = await alerts.create(ws, 'test', {
        name: 'any success-rate anomaly per model',
        condition: {
          type: 'anomaly',
          metric: 'success_rate',
          sensitivity: 'medium',
          slice: { dimension: 'model' },
        },
        channels: [{ type: 'webhook', url: `${hook.url}/anomaly` }],
        enabled: true,
      });
      await alerts.evaluate(ws);
      assert.equal((await alerts.get(ws, rule.id)).state, 'ok');
      await s.ctx.anomalies.record(ws, [anomaly], T - 4 * 3600_000);
      const [stored] = await s.ctx.anomalies.list(ws, { sensitivity: 'high', limit: 10 });
      clock.advance(MIN);
      await alerts.evaluate(ws);
      const got = await alerts.get(ws, rule.id);
      assert.equal(got.state, 'firing');
      assert.equal(got.slices[0].slice_key, 'model:model-a');
      const [firing] = await alerts.history(ws, { rule_id: rule.id, limit: 5 });
      assert.equal(firing.anomaly_id, stored.id);
      const sent = JSON.parse(hook.received.filter((x) => x.url === '/anomaly')[0].body);
      assert.equal(sent.data.anomaly_id, stored.id);
      await s.ctx.anomalies.patch(ws, 'test', stored.id, 'resolved');
      clock.advance(MIN);
      await alerts.evaluate(ws);
      assert.equal((await alerts.get(ws, rule.id)).state, 'resolved');
      assert.deepEqual(
        hook.received.filter((x) => x.url === '/anomaly').map((x) => JSON.parse(x.body).type),
        ['alert.firing', 'alert.resolved'],
      );
    });
  });
}
