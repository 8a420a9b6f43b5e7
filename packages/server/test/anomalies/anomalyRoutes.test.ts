// The anomalies API on both engines through the real server: list with filters, triage (who and when, reopen),
// a scan on demand as a job readable through /api/jobs, who may do what, and 4xx errors that change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../src/demo/generateDemo.ts';
import { call, userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anomaly, HOUR, iso, T0 } from './fixture.ts';

const BASE = '/api/analytics/anomalies';
const ids = (r: { body: { anomalies: { id: string }[] } }) => r.body.anomalies.map((a) => a.id);

for (const engine of ENGINES) {
  describe(`anomalies API on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
      await s.ctx.anomalies.record(
        s.workspaceId,
        [
          anomaly({ id: 'anom-low', startH: 10, sensitivity: 'low' }),
          anomaly({ id: 'anom-med', startH: 20, sensitivity: 'medium', metric: 'latency_p95' }),
          anomaly({
            id: 'anom-high',
            startH: 30,
            sensitivity: 'high',
            slice: { dimension: 'provider', value: 'openai' },
          }),
        ],
        0,
      );
    });
    after(() => s.close());

    it('lists newest first with the seed parameters', async () => {
      const get = (q: string) => call(s.url, 'GET', `${BASE}${q}`, { key: s.adminKey });
      const all = await get('');
      assert.equal(all.status, 200, all.text);
      assert.deepEqual(ids(all), ['anom-med', 'anom-low'], 'medium by default');
      assert.deepEqual(ids(await get('?sensitivity=high')), ['anom-high', 'anom-med', 'anom-low']);
      assert.deepEqual(ids(await get('?sensitivity=high&model=m1&metric=success_rate')), ['anom-low']);
      assert.deepEqual(ids(await get('?sensitivity=high&provider=openai')), ['anom-high']);
      assert.deepEqual(ids(await get('?sensitivity=high&granularity=day')), []);
      assert.deepEqual(ids(await get('?sensitivity=high&limit=1')), ['anom-high']);
      assert.deepEqual(
        ids(await get(`?sensitivity=high&startDate=${iso(T0 + 21 * HOUR)}&endDate=${iso(T0 + 31 * HOUR)}`)),
        ['anom-high', 'anom-med'],
      );
      assert.deepEqual(ids(await get('?sensitivity=high&startDate=2026-11-03')), ['anom-high']);
      assert.deepEqual(ids(await get('?sensitivity=high&startDate=2026-11-04')), []);
      const a = all.body.anomalies[1];
      assert.deepEqual(a.slice, { dimension: 'model', value: 'm1' });
      assert.equal(a.status, 'open');
      assert.equal(a.points.length, 2);
    });

    it('answers bad parameters and bodies with a 400 and an unknown id with a 404, changing nothing', async () => {
      const before = (await call(s.url, 'GET', `${BASE}?sensitivity=high`, { key: s.adminKey })).body;
      for (const q of [
        'sensitivity=extreme',
        'status=closed',
        'granularity=week',
        'limit=0',
        'limit=501',
        'startDate=yesterday',
        'startDate=2026-11-03&endDate=2026-11-02',
        'colour=blue',
      ]) {
        const r = await call(s.url, 'GET', `${BASE}?${q}`, { key: s.adminKey });
        assert.equal(r.status, 400, `${q}: ${r.text}`);
        assert.ok(r.body.error.code && r.body.error.message, q);
      }
      for (const body of [{ status: 'closed' }, {}, { status: 'resolved', by: 'me' }, 'resolved']) {
        const r = await call(s.url, 'PATCH', `${BASE}/anom-low`, { key: s.adminKey, body });
        assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      }
      const missing = await call(s.url, 'PATCH', `${BASE}/anom-nope`, {
        key: s.adminKey,
        body: { status: 'resolved' },
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'anomaly_not_found');
      assert.ok(!missing.text.includes('anom-nope'), 'the 404 does not echo the id');
      assert.deepEqual(
        (await call(s.url, 'GET', `${BASE}?sensitivity=high`, { key: s.adminKey })).body,
        before,
      );
    });

    it('acknowledges, resolves and reopens, recording who and when; viewers and read keys only read', async () => {
      const member = await userWithRole(s, `member-${engine}@example.com`, 'member');
      const viewer = await userWithRole(s, `viewer-${engine}@example.com`, 'viewer');
      const readKey = await s.createKey('read');
      const patch = (who: object, status: string) =>
        call(s.url, 'PATCH', `${BASE}/anom-med`, { ...who, body: { status } });
      for (const who of [{ session: viewer }, { key: readKey }]) {
        assert.equal((await call(s.url, 'GET', BASE, who)).status, 200);
        assert.equal((await patch(who, 'resolved')).status, 403);
        assert.equal((await call(s.url, 'POST', `${BASE}/scan`, who)).status, 403);
      }
      const t0 = Date.now();
      const acked = await patch({ session: member }, 'acknowledged');
      assert.equal(acked.status, 200, acked.text);
      assert.equal(acked.body.status, 'acknowledged');
      assert.equal(acked.body.acknowledged_by, `member-${engine}@example.com`);
      assert.ok(Date.parse(acked.body.acknowledged_at) >= t0 - 1000);
      const resolved = await patch({ key: s.adminKey }, 'resolved');
      assert.equal(resolved.body.status, 'resolved');
      assert.equal(resolved.body.acknowledged_by, `member-${engine}@example.com`);
      assert.match(resolved.body.resolved_by, /^key:/);
      assert.ok(resolved.body.resolved_at);
      const listed = await call(s.url, 'GET', `${BASE}?status=resolved`, { session: viewer });
      assert.deepEqual(ids(listed), ['anom-med']);
      const reopened = await patch({ session: member }, 'open');
      assert.deepEqual(
        [
          reopened.body.status,
          reopened.body.acknowledged_by,
          reopened.body.acknowledged_at,
          reopened.body.resolved_by,
          reopened.body.resolved_at,
        ],
        ['open', null, null, null, null],
      );
      const log = await s.ctx.activity.list(s.workspaceId);
      assert.deepEqual(
        log.filter((e) => e.action === 'anomaly.status').map((e) => `${e.details?.from}>${e.details?.to}`),
        ['resolved>open', 'acknowledged>resolved', 'open>acknowledged'],
      );
    });

    it('scans on demand: 202 with a job, whose progress and result the jobs API shows', async () => {
      for (const batch of generateDemo({ messages: 3000, seed: 3 }))
        await s.ctx.ingest.ingest(s.workspaceId, batch);
      const r = await call(s.url, 'POST', `${BASE}/scan`, { key: s.adminKey });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.kind, 'anomaly_scan');
      assert.equal(r.body.status, 'queued');
      const again = await call(s.url, 'POST', `${BASE}/scan`, { key: s.adminKey });
      assert.equal(again.body.id, r.body.id, 'a queued scan is not queued twice');
      // The test server's runner is not started: run the due jobs here.
      await s.ctx.jobRunner.drain();
      const job = await call(s.url, 'GET', `/api/jobs/${r.body.id}`, { key: s.adminKey });
      assert.equal(job.body.status, 'succeeded', job.text);
      assert.equal(job.body.progress, 1);
      const result = job.body.result;
      assert.equal(result.queries, 9, 'hourly (two parts) and daily × overall, per model, per provider');
      assert.equal(result.days, 90);
      assert.ok(result.series > 0);
      assert.equal(result.detected, result.inserted + result.updated + result.unchanged);
      const logged = (await s.ctx.activity.list(s.workspaceId)).find((e) => e.action === 'anomalies.scan');
      assert.equal(logged?.details?.detected, result.detected, 'a requested scan is logged with its counts');
      const list = await call(s.url, 'GET', `${BASE}?sensitivity=high&limit=500`, { key: s.adminKey });
      assert.equal(list.body.anomalies.length, 3 + result.inserted);
    });
  });
}
