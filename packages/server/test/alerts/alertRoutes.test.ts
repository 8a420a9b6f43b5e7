// The alert rules API on both engines through the real server: suggested defaults, create (secret once),
// list, edit (channels kept by id), delete, history, who may change them, and 400s that change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALERT_EVALUATION_JOB, alertEvaluationSchedule } from '../../src/alerts/alertJobs.ts';
import { loadConfig } from '../../src/config.ts';
import { insertWorkspace } from '../../src/workspaces/queries/insertWorkspace.ts';
import { call, userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const BASE = '/api/alerts/rules';
const rule = (over: Record<string, unknown> = {}) => ({
  name: 'Errors above 5%',
  condition: { type: 'threshold', metric: 'error_rate', comparator: 'gt', threshold: 5, window_minutes: 15 },
  channels: [
    { type: 'webhook', url: 'https://hooks.example.com/a' },
    { type: 'slack', name: 'ops', url: 'https://hooks.slack.com/services/T/B/X' },
    { type: 'email', to: ['oncall@example.com'] },
  ],
  ...over,
});

for (const engine of ENGINES) {
  describe(`alert rules API on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('gives every workspace the four suggested rules, off, once', async () => {
      const list = await call(s.url, 'GET', BASE, { key: s.adminKey });
      assert.equal(list.status, 200, list.text);
      const suggested = list.body.rules.filter((r: { suggested: boolean }) => r.suggested);
      assert.deepEqual(suggested.map((r: { condition: { metric: string } }) => r.condition.metric).sort(), [
        'cost',
        'error_rate',
        'sla_breach_rate',
        'success_rate',
      ]);
      assert.ok(suggested.every((r: { enabled: boolean }) => !r.enabled));
      // A deleted suggestion stays deleted; asking again makes none anew.
      assert.equal(
        (await call(s.url, 'DELETE', `${BASE}/${suggested[0].id}`, { key: s.adminKey })).status,
        204,
      );
      await s.ctx.alerts.ensureDefaults(s.workspaceId, true);
      const again = await call(s.url, 'GET', BASE, { key: s.adminKey });
      assert.equal(again.body.rules.filter((r: { suggested: boolean }) => r.suggested).length, 3);
      // A new workspace starts with them.
      const other = await userWithRole(s, 'viewer-new-ws@example.com', 'viewer', 'ws-new');
      const theirs = await call(s.url, 'GET', BASE, { session: other });
      assert.equal(theirs.status, 200, theirs.text);
      assert.equal(theirs.body.rules.length, 4);
    });

    it('a workspace from before alerts gets its suggestions once, however many requests ask at once', async () => {
      await s.ctx.store.transaction((tx) => insertWorkspace(tx, 'ws-old', 'from before alerts'));
      const key = (await s.ctx.keys.create('ws-old', 'admin')).key;
      const replies = await Promise.all(Array.from({ length: 6 }, () => call(s.url, 'GET', BASE, { key })));
      for (const r of replies) assert.equal(r.status, 200, r.text);
      const final = await call(s.url, 'GET', BASE, { key });
      assert.equal(final.body.rules.length, 4);
    });

    it('creates a rule showing each webhook secret once, then only its hint; edits keep channels by id', async () => {
      const created = await call(s.url, 'POST', BASE, { key: s.adminKey, body: rule() });
      assert.equal(created.status, 201, created.text);
      const { rule: r, secrets } = created.body;
      assert.equal(secrets.length, 1);
      const hook = r.channels.find((c: { type: string }) => c.type === 'webhook');
      assert.equal(secrets[0].channel_id, hook.id);
      assert.match(secrets[0].secret, /^whsec_[A-Za-z0-9+/]{32}$/);
      assert.equal(hook.secret_hint, secrets[0].secret.slice(-4));
      assert.equal(r.enabled, false);
      assert.equal(r.state, 'ok');
      assert.equal(r.cooldown_minutes, 30);
      assert.deepEqual(r.condition.slice, { dimension: 'overall' });
      assert.deepEqual(
        r.channels.map((c: { type: string }) => c.type),
        ['webhook', 'slack', 'email'],
      );
      assert.equal(r.channels[2].name, 'Email: oncall@example.com');
      assert.deepEqual(r.channels[2].to, ['oncall@example.com']);
      const listed = await call(s.url, 'GET', BASE, { key: s.adminKey });
      assert.ok(!listed.text.includes(secrets[0].secret), 'the secret is never listed');

      const edited = await call(s.url, 'PATCH', `${BASE}/${r.id}`, {
        key: s.adminKey,
        body: {
          enabled: true,
          muted_until: '2030-01-01T00:00:00Z',
          channels: [
            { id: hook.id, type: 'webhook', url: 'https://hooks.example.com/b' },
            { type: 'webhook', url: 'https://x.example.com/' },
          ],
        },
      });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.rule.enabled, true);
      assert.equal(edited.body.rule.muted_until, '2030-01-01T00:00:00.000Z');
      assert.equal(edited.body.rule.name, 'Errors above 5%');
      assert.equal(edited.body.rule.channels[0].id, hook.id);
      assert.equal(edited.body.rule.channels[0].secret_hint, hook.secret_hint, 'kept its secret');
      assert.equal(edited.body.secrets.length, 1, 'only the new webhook has a new secret');
      assert.equal(edited.body.secrets[0].channel_id, edited.body.rule.channels[1].id);

      const history = await call(s.url, 'GET', `/api/alerts/history?rule_id=${r.id}`, { key: s.adminKey });
      assert.equal(history.status, 200, history.text);
      assert.deepEqual(history.body.events, []);
      const activity = await call(s.url, 'GET', '/api/activity', { key: s.adminKey });
      const actions = activity.body.events.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('alert.create') && actions.includes('alert.update'));
      assert.equal((await call(s.url, 'DELETE', `${BASE}/${r.id}`, { key: s.adminKey })).status, 204);
      assert.equal((await call(s.url, 'DELETE', `${BASE}/${r.id}`, { key: s.adminKey })).status, 404);
      assert.equal(
        (await call(s.url, 'PATCH', `${BASE}/${r.id}`, { key: s.adminKey, body: { name: 'x' } })).status,
        404,
      );
    });

    it('refuses bad rules with a 400 naming the problem, and stores nothing', async () => {
      const before = (await call(s.url, 'GET', BASE, { key: s.adminKey })).body.rules.length;
      const bad: [unknown, string][] = [
        [
          rule({ condition: { type: 'threshold', metric: 'nope', comparator: 'gt', threshold: 1 } }),
          'unknown_metric',
        ],
        [
          rule({
            condition: {
              type: 'threshold',
              metric: 'error_rate',
              comparator: 'gt',
              threshold: 1,
              filters: ['eq', 'no_such_dimension', 'x'],
            },
          }),
          'unknown_dimension',
        ],
        [
          rule({ condition: { type: 'threshold', metric: 'error_rate', comparator: 'about', threshold: 1 } }),
          'validation_failed',
        ],
        [rule({ channels: [{ type: 'webhook', url: 'ftp://x.example.com' }] }), 'validation_failed'],
        [rule({ channels: [{ type: 'email', to: ['not an email'] }] }), 'validation_failed'],
        [
          rule({ channels: [{ id: 'made-up', type: 'webhook', url: 'https://x.example.com' }] }),
          'unknown_channel',
        ],
      ];
      for (const [body, code] of bad) {
        const r = await call(s.url, 'POST', BASE, { key: s.adminKey, body });
        assert.equal(r.status, 400, `${code}: ${r.text}`);
        assert.equal(r.body.error.code, code, r.text);
      }
      assert.equal((await call(s.url, 'GET', BASE, { key: s.adminKey })).body.rules.length, before);
    });

    it('the evaluation schedule queues one job per workspace with an enabled rule; the job evaluates', async () => {
      const made = await call(s.url, 'POST', BASE, {
        key: s.adminKey,
        body: rule({ channels: [], enabled: true }),
      });
      assert.equal(made.status, 201, made.text);
      const schedule = alertEvaluationSchedule(s.ctx.jobRunner, s.ctx.workspaces, s.ctx.alerts, 60_000);
      await schedule.run();
      await schedule.run(); // runs never pile up
      const jobs = await call(s.url, 'GET', '/api/jobs?limit=200', { key: s.adminKey });
      const queued = jobs.body.jobs.filter((j: { kind: string }) => j.kind === ALERT_EVALUATION_JOB);
      assert.equal(queued.length, 1, jobs.text);
      await s.ctx.jobRunner.drain();
      const done = await call(s.url, 'GET', `/api/jobs/${queued[0].id}`, { key: s.adminKey });
      assert.equal(done.body.status, 'succeeded', done.text);
      assert.equal(done.body.result.rules, 1);
      assert.equal(done.body.result.errors, 0);
      const after = await call(s.url, 'GET', BASE, { key: s.adminKey });
      const evaluated = after.body.rules.find((r: { id: string }) => r.id === made.body.rule.id);
      assert.notEqual(evaluated.last_evaluated_at, null);
      assert.deepEqual(
        evaluated.slices.map((x: { slice_key: string; state: string }) => [x.slice_key, x.state]),
        [['overall', 'ok']],
      );
      assert.equal(loadConfig({}).alertEvalSeconds, 60);
      assert.equal(loadConfig({ ALERT_EVAL_SECONDS: '15' }).alertEvalSeconds, 15);
      assert.equal(loadConfig({ ALERT_ALLOW_PRIVATE_URLS: '1' }).alertAllowPrivateUrls, true);
      assert.equal(loadConfig({}).alertAllowPrivateUrls, false);
    });

    it('viewers read, members change', async () => {
      const viewer = await userWithRole(s, 'alert-viewer@example.com', 'viewer');
      const member = await userWithRole(s, 'alert-member@example.com', 'member');
      assert.equal((await call(s.url, 'GET', BASE, { session: viewer })).status, 200);
      assert.equal((await call(s.url, 'GET', '/api/alerts/history', { session: viewer })).status, 200);
      assert.equal((await call(s.url, 'POST', BASE, { session: viewer, body: rule() })).status, 403);
      const made = await call(s.url, 'POST', BASE, { session: member, body: rule({ channels: [] }) });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.body.rule.created_by, 'alert-member@example.com');
      const tested = await call(s.url, 'POST', `${BASE}/${made.body.rule.id}/test`, { session: viewer });
      assert.equal(tested.status, 403);
    });
  });
}
