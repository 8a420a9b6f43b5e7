// The experiments API on both engines through the real server: create, list, read, edit, the lifecycle (who and
// when), delete, activity entries, who may do what, another workspace's experiments, and 400s with their paths.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareProportions } from '@llm-analytics/core';
import { call, userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const BASE = '/api/analytics/experiments';
const body = (over: Record<string, unknown> = {}) => ({
  name: 'Prompt v2',
  hypothesis: 'shorter prompts answer as well',
  unit: 'conversation',
  variants: [
    { name: 'control', session_ids: ['s-a'] },
    { name: 'short', session_ids: ['s-b'] },
  ],
  control: 'control',
  primary_metric: 'success_rate',
  secondary_metrics: ['latency_p95'],
  min_effect: 0.05,
  planned_split: [0.5, 0.5],
  ...over,
});

for (const engine of ENGINES) {
  describe(`experiments API on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('creates, lists, reads, edits and deletes, logging each change', async () => {
      const created = await call(s.url, 'POST', BASE, { key: s.adminKey, body: body() });
      assert.equal(created.status, 201, created.text);
      const e = created.body;
      assert.equal(e.status, 'draft');
      assert.equal(e.workspace_id, s.workspaceId);
      assert.match(e.status_changed_by, /^key:/);
      assert.deepEqual(e.variants, body().variants);
      assert.deepEqual(e.planned_split, [0.5, 0.5]);
      assert.equal(e.min_effect, 0.05);
      assert.equal(e.start, null);

      const list = await call(s.url, 'GET', BASE, { key: s.adminKey });
      assert.deepEqual(
        list.body.experiments.map((x: { id: string }) => x.id),
        [e.id],
      );
      const read = await call(s.url, 'GET', `${BASE}/${e.id}`, { key: s.adminKey });
      assert.deepEqual(read.body, e);

      const edited = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        key: s.adminKey,
        body: { hypothesis: 'shorter is better', start: '2026-11-01T00:00:00Z', secondary_metrics: [] },
      });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.hypothesis, 'shorter is better');
      assert.equal(edited.body.start, '2026-11-01T00:00:00.000Z');
      assert.deepEqual(edited.body.secondary_metrics, []);
      assert.equal(edited.body.status, 'draft');
      assert.equal(edited.body.name, 'Prompt v2', 'fields not sent stay');

      const gone = await call(s.url, 'DELETE', `${BASE}/${e.id}`, { key: s.adminKey });
      assert.equal(gone.status, 204);
      assert.equal((await call(s.url, 'GET', `${BASE}/${e.id}`, { key: s.adminKey })).status, 404);
      assert.equal((await call(s.url, 'DELETE', `${BASE}/${e.id}`, { key: s.adminKey })).status, 404);

      const activity = await call(s.url, 'GET', '/api/activity', { key: s.adminKey });
      const actions = activity.body.events
        .filter((x: { target: string }) => x.target === e.id)
        .map((x: { action: string }) => x.action);
      assert.deepEqual(actions, ['experiment.delete', 'experiment.update', 'experiment.create']);
    });

    it('moves through the lifecycle, recording who and when; refuses moves it does not allow', async () => {
      const owner = await userWithRole(s, 'owner@example.com', 'owner');
      const member = await userWithRole(s, 'member@example.com', 'member');
      const e = (await call(s.url, 'POST', BASE, { session: owner, body: body({ status: 'running' }) })).body;
      assert.equal(e.status, 'running');
      assert.equal(e.status_changed_by, 'owner@example.com');
      const before = Date.parse(e.status_changed_at);
      await new Promise((r) => setTimeout(r, 5));
      const stopped = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: member,
        body: { status: 'stopped' },
      });
      assert.equal(stopped.status, 200, stopped.text);
      assert.equal(stopped.body.status_changed_by, 'member@example.com');
      assert.ok(Date.parse(stopped.body.status_changed_at) > before);
      const back = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: member,
        body: { status: 'draft' },
      });
      assert.equal(back.status, 409);
      assert.equal(back.body.error.code, 'invalid_status_change');
      const running = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: member,
        body: { status: 'running' },
      });
      assert.equal(running.body.status, 'running');
      const done = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: member,
        body: { status: 'concluded', conclusion: 'no difference worth shipping' },
      });
      assert.equal(done.body.status, 'concluded');
      assert.equal(done.body.conclusion, 'no difference worth shipping');
      const again = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: member,
        body: { status: 'running' },
      });
      assert.equal(again.status, 409);
      // A note can still be edited on a concluded experiment; the status stays, and so does who set it.
      const note = await call(s.url, 'PATCH', `${BASE}/${e.id}`, {
        session: owner,
        body: { conclusion: 'ship B' },
      });
      assert.equal(note.body.status, 'concluded');
      assert.equal(note.body.status_changed_by, 'member@example.com');
      const activity = await call(s.url, 'GET', '/api/activity', { key: s.adminKey });
      const moves = activity.body.events
        .filter(
          (x: { target: string; action: string }) => x.target === e.id && x.action === 'experiment.status',
        )
        .map((x: { details: { from: string; to: string } }) => `${x.details.from}>${x.details.to}`);
      assert.deepEqual(moves, ['running>concluded', 'stopped>running', 'running>stopped']);
    });

    it('lets viewers and read keys see but not change; members change', async () => {
      const viewer = await userWithRole(s, 'viewer@example.com', 'viewer');
      const member = await userWithRole(s, 'member2@example.com', 'member');
      const readKey = await s.createKey('read');
      const ingestKey = await s.createKey('ingest');
      const e = (await call(s.url, 'POST', BASE, { session: member, body: body() })).body;
      assert.ok(e.id);
      for (const who of [{ session: viewer }, { key: readKey }]) {
        assert.equal((await call(s.url, 'GET', BASE, who)).status, 200);
        assert.equal((await call(s.url, 'GET', `${BASE}/${e.id}`, who)).status, 200);
        assert.equal((await call(s.url, 'GET', `${BASE}/${e.id}/results`, who)).status, 200);
        assert.equal((await call(s.url, 'GET', `${BASE}/suggestions`, who)).status, 200);
        assert.equal((await call(s.url, 'POST', BASE, { ...who, body: body() })).status, 403);
        assert.equal(
          (await call(s.url, 'PATCH', `${BASE}/${e.id}`, { ...who, body: { name: 'x' } })).status,
          403,
        );
        assert.equal((await call(s.url, 'DELETE', `${BASE}/${e.id}`, who)).status, 403);
      }
      assert.equal((await call(s.url, 'GET', BASE, { key: ingestKey })).status, 403);
      assert.equal((await call(s.url, 'GET', BASE)).status, 401);
      assert.equal((await call(s.url, 'GET', `${BASE}/${e.id}`, { session: viewer })).body.name, 'Prompt v2');
    });

    it("never shows or changes another workspace's experiment", async () => {
      const theirs = await s.createKey('admin', 'other-ws');
      const e = (await call(s.url, 'POST', BASE, { key: theirs, body: body({ name: 'theirs' }) })).body;
      for (const [method, path, b] of [
        ['GET', `${BASE}/${e.id}`, undefined],
        ['GET', `${BASE}/${e.id}/results`, undefined],
        ['PATCH', `${BASE}/${e.id}`, { name: 'mine now' }],
        ['DELETE', `${BASE}/${e.id}`, undefined],
      ] as const) {
        const r = await call(s.url, method, path, { key: s.adminKey, ...(b ? { body: b } : {}) });
        assert.equal(r.status, 404, `${method} ${path}`);
        assert.equal(r.body.error.code, 'experiment_not_found');
      }
      const mine = await call(s.url, 'GET', BASE, { key: s.adminKey });
      assert.ok(!mine.body.experiments.some((x: { id: string }) => x.id === e.id));
      const still = await call(s.url, 'GET', `${BASE}/${e.id}`, { key: theirs });
      assert.equal(still.body.name, 'theirs');
    });

    it('answers bad input with 400 and the path, storing nothing', async () => {
      const count = async () => (await call(s.url, 'GET', BASE, { key: s.adminKey })).body.experiments.length;
      const n = await count();
      const cases: [Record<string, unknown>, string][] = [
        [body({ primary_metric: 'revenue' }), 'primary_metric'],
        [body({ primary_metric: 'messages' }), 'primary_metric'],
        [body({ secondary_metrics: ['error_rate', 'nope'] }), 'secondary_metrics[1]'],
        [body({ control: 'treatment' }), 'control'],
        [body({ planned_split: [1] }), 'planned_split'],
        [body({ variants: [{ name: 'only', session_ids: ['x'] }] }), 'variants'],
        [body({ variants: [{ name: 'a' }, { name: 'b', session_ids: ['y'] }], control: 'a' }), 'variants[0]'],
        [
          body({
            variants: [
              { name: 'control', filter: ['eq', 'country', 'NL'] },
              { name: 'b', session_ids: ['y'] },
            ],
          }),
          'variants[0].filter[1]',
        ],
        [
          body({
            variants: [
              { name: 'control', session_ids: ['x'] },
              { name: 'b', filter: ['and', [['lte', 'latency', 500]]] },
            ],
          }),
          'variants[1].filter[1][0][1]',
        ],
        [body({ unit: 'message' }), 'unit'],
        [body({ start: '2026-12-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }), 'end'],
        [body({ status: 'concluded' }), 'status'],
        [body({ surprise: true }), ''],
      ];
      for (const [b, path] of cases) {
        const r = await call(s.url, 'POST', BASE, { key: s.adminKey, body: b });
        assert.equal(r.status, 400, `${path}: ${r.text}`);
        assert.equal(r.body.error.code, 'validation_failed');
        assert.ok(
          r.body.error.issues.some((i: { path: string }) => i.path === path),
          `${path} in ${JSON.stringify(r.body.error.issues)}`,
        );
      }
      const e = (await call(s.url, 'POST', BASE, { key: s.adminKey, body: body() })).body;
      for (const [patch, path] of [
        [{ control: 'zzz' }, 'control'],
        [{ primary_metric: 'users' }, 'primary_metric'],
        [{ status: 'paused' }, 'status'],
      ] as const) {
        const r = await call(s.url, 'PATCH', `${BASE}/${e.id}`, { key: s.adminKey, body: patch });
        assert.equal(r.status, 400, r.text);
        assert.ok(
          r.body.error.issues.some((i: { path: string }) => i.path === path),
          JSON.stringify(r.body),
        );
      }
      const bad = await call(s.url, 'GET', `${BASE}/${e.id}/results?mode=daily`, { key: s.adminKey });
      assert.equal(bad.status, 400);
      assert.equal(
        (await call(s.url, 'GET', `${BASE}/${e.id}`, { key: s.adminKey })).body.control,
        'control',
      );
      assert.equal(await count(), n + 1);
    });

    it('compares a rate as a proportion of units when each unit has one outcome', async () => {
      const T = Date.now() - 3_600_000;
      const conversations = [];
      const messages = [];
      const evaluations = [];
      // 40 conversations per arm, one evaluated answer each: 22 vs 31 successes.
      for (const [arm, wins] of [
        ['p-a', 22],
        ['p-b', 31],
      ] as const) {
        for (let i = 0; i < 40; i++) {
          const id = `${arm}-${i}`;
          conversations.push({ id, session_id: arm });
          messages.push({
            id: `${id}-m`,
            conversation_id: id,
            role: 'assistant' as const,
            created_at: new Date(T + i * 1000).toISOString(),
          });
          evaluations.push({ id: `${id}-e`, message_id: `${id}-m`, success: i < wins });
        }
      }
      await s.ctx.ingest.ingest(s.workspaceId, { conversations, messages, evaluations });
      const e = (
        await call(s.url, 'POST', BASE, {
          key: s.adminKey,
          body: body({
            variants: [
              { name: 'control', session_ids: ['p-a'] },
              { name: 'b', session_ids: ['p-b'] },
            ],
            secondary_metrics: [],
          }),
        })
      ).body;
      const r = await call(s.url, 'GET', `${BASE}/${e.id}/results?mode=fixed`, { key: s.adminKey });
      assert.equal(r.status, 200, r.text);
      const want = compareProportions({ successes: 22, trials: 40 }, { successes: 31, trials: 40 });
      const c = r.body.comparisons[0];
      assert.match(c.method, /difference of proportions/);
      assert.equal(c.control_value, 22 / 40);
      assert.equal(c.value, 31 / 40);
      assert.deepEqual(c.ci, want.ci);
      assert.equal(c.p_value, want.p_value);
      assert.equal(r.body.variants[1].metrics.success_rate, 31 / 40);
      // Fleiss (2003) eq. 4.14 by hand for p₀ = .55, δ = .05: (1.95996·√(2·.575·.425) + 0.84162·√(.2475 + .24))² / .0025
      // = 1533.3 → 1534 (R's power.prop.test, which also counts the far tail, says 1533.1).
      assert.equal(r.body.power.needed_per_variant, 1534);
    });
  });
}
