// The jobs API on both engines, through the real server: POST /api/jobs/retention queues a retention job (once
// while one is pending) that removes exactly the old spans; GET /api/jobs lists and filters, GET /api/jobs/:id
// reads one; who may do what; 404 and 400. Also TRACE_RETENTION_DAYS's parsing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import { call, userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { DAY, spanAt } from './retentionFixture.ts';

for (const engine of ENGINES) {
  describe(`jobs API on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine, config: { traceRetentionDays: 30 } });
    });
    after(() => s.close());

    it('POST /api/jobs/retention removes the spans older than the limit; the job is listed and read', async () => {
      const now = Date.now();
      // Hours away from the cutoff, so the job's own clock (a little later) draws the same line.
      const old = [40, 31, 90, 365].map((d, i) => spanAt(s.workspaceId, i, now - d * DAY));
      const recent = [29, 1, 0.01].map((d, i) => spanAt(s.workspaceId, 10 + i, now - d * DAY));
      await s.ctx.store.commit({ ...emptyRowSet(), spans: [...old, ...recent] });

      const first = await call(s.url, 'POST', '/api/jobs/retention', { key: s.adminKey });
      assert.equal(first.status, 202, first.text);
      assert.equal(first.body.kind, 'retention');
      assert.equal(first.body.status, 'queued');
      assert.equal(first.body.payload.retention_days, 30);
      assert.match(first.body.payload.requested_by, /^key:/);
      // While it is pending, asking again answers with the same job.
      const second = await call(s.url, 'POST', '/api/jobs/retention', { key: s.adminKey });
      assert.equal(second.status, 202);
      assert.equal(second.body.id, first.body.id);

      await s.ctx.jobRunner.drain();
      const done = await call(s.url, 'GET', `/api/jobs/${first.body.id}`, { key: s.adminKey });
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'succeeded');
      assert.equal(done.body.progress, 1);
      assert.equal(done.body.result.removed, old.length);
      assert.ok(done.body.started_at && done.body.finished_at && done.body.heartbeat_at);
      const left = await s.ctx.store.query<{ span_id: string }>(
        'SELECT span_id FROM spans WHERE workspace_id = $1',
        [s.workspaceId],
      );
      assert.deepEqual(left.map((r) => r.span_id).sort(), recent.map((r) => r.span_id).sort());

      const list = await call(s.url, 'GET', '/api/jobs?kind=retention&status=succeeded', { key: s.adminKey });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.jobs.map((j: { id: string }) => j.id),
        [first.body.id],
      );
      const none = await call(s.url, 'GET', '/api/jobs?status=failed', { key: s.adminKey });
      assert.deepEqual(none.body.jobs, []);

      const activity = await call(s.url, 'GET', '/api/activity', { key: s.adminKey });
      const entry = activity.body.events.find((e: { action: string }) => e.action === 'traces.retention');
      assert.equal(entry.details.removed, old.length);
      assert.equal(entry.actor, first.body.payload.requested_by);
    });

    it('viewers and read keys list jobs but cannot start one; admins can', async () => {
      const viewer = await userWithRole(s, `viewer-${engine}@example.com`, 'viewer');
      assert.equal((await call(s.url, 'GET', '/api/jobs', { session: viewer })).status, 200);
      assert.equal((await call(s.url, 'POST', '/api/jobs/retention', { session: viewer })).status, 403);
      const readKey = await s.createKey('read');
      assert.equal((await call(s.url, 'GET', '/api/jobs', { key: readKey })).status, 200);
      assert.equal((await call(s.url, 'POST', '/api/jobs/retention', { key: readKey })).status, 403);
      const ingestKey = await s.createKey('ingest');
      assert.equal((await call(s.url, 'GET', '/api/jobs', { key: ingestKey })).status, 403);
      assert.equal((await call(s.url, 'POST', '/api/jobs/retention')).status, 401);
      assert.equal((await call(s.url, 'GET', '/api/jobs')).status, 401);
      const admin = await userWithRole(s, `admin-${engine}@example.com`, 'admin');
      const started = await call(s.url, 'POST', '/api/jobs/retention', { session: admin });
      assert.equal(started.status, 202, started.text);
      assert.equal(started.body.payload.requested_by, `admin-${engine}@example.com`);
      await s.ctx.jobRunner.drain();
    });

    it('404 for a job of no or another workspace; 400 for bad filters', async () => {
      const missing = await call(s.url, 'GET', '/api/jobs/no-such-job', { key: s.adminKey });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'job_not_found');
      const otherKey = await s.createKey('admin', 'elsewhere');
      const theirs = await call(s.url, 'POST', '/api/jobs/retention', { key: otherKey });
      assert.equal(theirs.status, 202);
      assert.equal(
        (await call(s.url, 'GET', `/api/jobs/${theirs.body.id}`, { key: s.adminKey })).status,
        404,
      );
      const mine = await call(s.url, 'GET', '/api/jobs', { key: s.adminKey });
      assert.ok(!mine.body.jobs.some((j: { id: string }) => j.id === theirs.body.id));
      for (const q of ['status=bogus', 'limit=0', 'limit=201', 'limit=x', 'colour=red']) {
        const r = await call(s.url, 'GET', `/api/jobs?${q}`, { key: s.adminKey });
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'invalid_parameters', q);
      }
      await s.ctx.jobRunner.drain();
    });
  });
}

describe('TRACE_RETENTION_DAYS', () => {
  it('defaults to 30, accepts 0, and refuses anything but a non-negative integer', () => {
    assert.equal(loadConfig({}).traceRetentionDays, 30);
    assert.equal(loadConfig({ TRACE_RETENTION_DAYS: '0' }).traceRetentionDays, 0);
    assert.equal(loadConfig({ TRACE_RETENTION_DAYS: '7' }).traceRetentionDays, 7);
    for (const bad of ['abc', '-1', '1.5', '30d'])
      assert.throws(
        () => loadConfig({ TRACE_RETENTION_DAYS: bad }),
        new RegExp(`TRACE_RETENTION_DAYS must be a non-negative integer, got "${bad}"`),
      );
  });
});
