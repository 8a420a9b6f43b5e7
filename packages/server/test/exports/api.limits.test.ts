// The export API's rules on both engines: expiry (410 Gone) and the cleanup job that deletes the file, the
// workspace quota (429), another workspace's export (404), who may export (roles and key scopes), bad
// parameters (400 with the field's path), not-yet-done and failed exports (409), and configuration errors.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createContext } from '../../src/AppContext.ts';
import { loadConfig } from '../../src/config.ts';
import { workspaceFolder } from '../../src/exports/service/exportFiles.ts';
import { enqueueExportCleanup, exportCleanupSchedule } from '../../src/exports/service/exportJobs.ts';
import { JobRunner } from '../../src/jobs/JobRunner.ts';
import { claimNextJob } from '../../src/jobs/queries/claimNextJob.ts';
import { userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { type Auth, download, getJson, postExport, waitForExport } from './exportApi.ts';
import { type ExportFixture, loadExportFixture, RANGE } from './exportFixture.ts';

const OVERVIEW = { format: 'csv', exportType: 'overview', ...RANGE };
const COMPLETE = { format: 'csv', exportType: 'complete', ...RANGE };

for (const engine of ENGINES) {
  describe(`export API rules (${engine})`, () => {
    let f: ExportFixture;
    let auth: Auth;
    const dir = tempDir('lla-export-rules');
    before(async () => {
      f = await loadExportFixture(engine, dir);
      auth = { key: f.s.adminKey };
    });
    after(() => f.s.close());

    const folder = () => join(f.s.ctx.config.exportDir, workspaceFolder(f.s.workspaceId));
    const exportRows = async () => {
      const [r] = await f.s.ctx.store.query<{ n: number }>(
        'SELECT count(*) AS n FROM analytics_exports WHERE workspace_id = $1',
        [f.s.workspaceId],
      );
      return Number(r.n);
    };

    it('answers 410 Gone after EXPORT_TTL_HOURS; the cleanup job deletes the file and marks it expired', async () => {
      const limits = f.s.ctx.exports.limits;
      const ttl = limits.ttlHours;
      limits.ttlHours = 1.5 / 3600; // 1.5 s
      try {
        const r = await postExport(f.s.url, auth, OVERVIEW);
        assert.equal(r.status, 200);
        const ok = await download(f.s.url, auth, r.body.exportId);
        assert.equal(ok.status, 200);
        const stored = join(folder(), `${r.body.exportId}.csv`);
        assert.ok(existsSync(stored));
        await new Promise((res) =>
          setTimeout(res, Math.max(0, Date.parse(r.body.expiresAt) - Date.now()) + 50),
        );
        const gone = await download(f.s.url, auth, r.body.exportId);
        assert.equal(gone.status, 410);
        assert.equal(gone.json.error.code, 'export_expired');
        assert.equal(
          (await getJson(f.s.url, auth, `/api/analytics/exports/${r.body.exportId}`)).body.status,
          'expired',
        );
        assert.ok(existsSync(stored), 'the file stays until the cleanup job runs');

        const job = await enqueueExportCleanup(f.s.ctx.jobRunner, f.s.workspaceId);
        await f.s.ctx.jobRunner.drain();
        const done = await getJson(f.s.url, auth, `/api/jobs/${job}`);
        assert.equal(done.body.status, 'succeeded', JSON.stringify(done.body));
        assert.ok(Number(done.body.result.expired) >= 1);
        assert.ok(!existsSync(stored), 'the cleanup job deleted the file');
        const [row] = await f.s.ctx.store.query<{ status: string; file_path: string | null }>(
          'SELECT status, file_path FROM analytics_exports WHERE workspace_id = $1 AND id = $2',
          [f.s.workspaceId, r.body.exportId],
        );
        assert.deepEqual({ ...row }, { status: 'expired', file_path: null });
        assert.equal((await download(f.s.url, auth, r.body.exportId)).status, 410);
      } finally {
        limits.ttlHours = ttl;
      }
    });

    it('answers 429 once the workspace holds EXPORT_MAX_BYTES_PER_WORKSPACE, writing nothing', async () => {
      const limits = f.s.ctx.exports.limits;
      const max = limits.maxBytesPerWorkspace;
      try {
        const first = await postExport(f.s.url, auth, OVERVIEW);
        assert.equal(first.status, 200);
        const used = (await getJson(f.s.url, auth, '/api/analytics/exports')).body.usedBytes as number;
        assert.ok(used >= first.body.fileSize);
        const rows = await exportRows();
        const files = readdirSync(folder()).length;

        limits.maxBytesPerWorkspace = used; // full
        const full = await postExport(f.s.url, auth, OVERVIEW);
        assert.equal(full.status, 429, JSON.stringify(full.body));
        assert.equal(full.body.error.code, 'export_quota_exceeded');
        assert.match(full.body.error.message, /EXPORT_MAX_BYTES_PER_WORKSPACE/);

        limits.maxBytesPerWorkspace = used + 10; // room, but not for this file
        const tooBig = await postExport(f.s.url, auth, OVERVIEW);
        assert.equal(tooBig.status, 429);
        assert.match(tooBig.body.error.message, /this export/);
        assert.equal(await exportRows(), rows, 'no export row added');
        assert.equal(readdirSync(folder()).length, files, 'no file left behind');
        assert.equal((await getJson(f.s.url, auth, '/api/analytics/exports')).body.quotaBytes, used + 10);

        limits.maxBytesPerWorkspace = 0; // no quota
        assert.equal((await postExport(f.s.url, auth, OVERVIEW)).status, 200);
      } finally {
        limits.maxBytesPerWorkspace = max;
      }
    });

    it("another workspace's export is 404 to download or poll and absent from its list", async () => {
      const mine = await postExport(f.s.url, auth, OVERVIEW);
      const other = { key: await f.s.createKey('admin', 'other-ws') };
      const d = await download(f.s.url, other, mine.body.exportId);
      assert.equal(d.status, 404);
      assert.equal(d.json.error.code, 'export_not_found');
      assert.equal(
        (await getJson(f.s.url, other, `/api/analytics/exports/${mine.body.exportId}`)).status,
        404,
      );
      const list = await getJson(f.s.url, other, '/api/analytics/exports');
      assert.deepEqual(list.body.exports, []);
      // Its own export is its own.
      const theirs = await postExport(f.s.url, other, OVERVIEW);
      assert.equal(theirs.status, 200);
      assert.equal((await download(f.s.url, other, theirs.body.exportId)).status, 200);
      assert.equal((await download(f.s.url, auth, theirs.body.exportId)).status, 404);
    });

    it("the cleanup schedule deletes a removed workspace's folder (untouched for an hour), no other", async () => {
      const key = await f.s.createKey('admin', 'doomed-ws');
      const r = await postExport(f.s.url, { key }, OVERVIEW);
      assert.equal(r.status, 200);
      const doomed = join(f.s.ctx.config.exportDir, workspaceFolder('doomed-ws'));
      assert.ok(existsSync(join(doomed, `${r.body.exportId}.csv`)));
      await f.s.ctx.workspaces.remove('doomed-ws');
      const schedule = exportCleanupSchedule(f.s.ctx.jobRunner, f.s.ctx.workspaces, f.s.ctx.config.exportDir);
      await schedule.run();
      assert.ok(existsSync(doomed), 'a folder touched within the hour stays');
      const old = new Date(Date.now() - 2 * 3600_000);
      utimesSync(doomed, old, old);
      utimesSync(folder(), old, old);
      await schedule.run();
      assert.ok(!existsSync(doomed), "the removed workspace's folder is gone");
      assert.ok(existsSync(folder()), "a live workspace's folder stays");
    });

    it('needs the export permission: members and admins may, viewers and read or ingest keys may not', async () => {
      const mine = await postExport(f.s.url, auth, OVERVIEW);
      const viewer = await userWithRole(f.s, 'viewer@example.com', 'viewer');
      const member = await userWithRole(f.s, 'member@example.com', 'member');
      const asViewer = { cookie: viewer.cookie, csrf: viewer.csrf };
      const asMember = { cookie: member.cookie, csrf: member.csrf };
      for (const who of [
        asViewer,
        { key: await f.s.createKey('read') },
        { key: await f.s.createKey('ingest') },
      ]) {
        const p = await postExport(f.s.url, who, OVERVIEW);
        assert.equal(p.status, 403, JSON.stringify(p.body));
        assert.equal((await getJson(f.s.url, who, '/api/analytics/exports')).status, 403);
        assert.equal((await download(f.s.url, who, mine.body.exportId)).status, 403);
      }
      const m = await postExport(f.s.url, asMember, OVERVIEW);
      assert.equal(m.status, 200, JSON.stringify(m.body));
      assert.equal(m.body.status, 'done');
      const info = (await getJson(f.s.url, asMember, `/api/analytics/exports/${m.body.exportId}`)).body;
      assert.equal(info.requestedBy, 'member@example.com');
      assert.equal(
        (await download(f.s.url, asMember, mine.body.exportId)).status,
        200,
        "a workspace's exports are shared",
      );
    });

    it('bad parameters are 400 with the path of the field at fault, and nothing is written', async () => {
      const rows = await exportRows();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...OVERVIEW, format: 'xls' }, 'format'],
        [{ ...OVERVIEW, exportType: 'everything' }, 'exportType'],
        [{ ...OVERVIEW, endDate: RANGE.startDate }, 'endDate'],
        [{ ...OVERVIEW, startDate: 'yesterday' }, 'startDate'],
        [{ ...OVERVIEW, includedMetrics: ['no_such_metric'] }, 'includedMetrics[0]'],
        [{ ...COMPLETE, format: 'pdf' }, 'exportType'],
        [{ ...COMPLETE, includedMetrics: ['messages'] }, 'includedMetrics'],
        [{ ...OVERVIEW, filters: ['eq', 'nope', 1] }, 'filters'],
        [{ format: 'csv', exportType: 'query' }, 'query'],
        [{ ...OVERVIEW, fileName: '   ' }, 'fileName'],
        [{ ...OVERVIEW, extra: 1 }, ''],
      ];
      for (const [body, path] of cases) {
        const r = await postExport(f.s.url, auth, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status}`);
        const paths = (r.body.error.issues ?? []).map((i: { path: string }) => i.path);
        assert.ok(
          paths.some((p: string) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) ||
            (path === '' && r.body.error.issues),
          `${JSON.stringify(body)}: ${JSON.stringify(r.body.error)}`,
        );
      }
      assert.equal(await exportRows(), rows);
    });

    it('a queued export is 409 not ready until its job runs; a job abandoned too often fails it (409)', async () => {
      const limits = f.s.ctx.exports.limits;
      const inline = limits.inlineMaxRows;
      limits.inlineMaxRows = 0;
      try {
        // The test server's runner is not started: the job waits.
        const q = await postExport(f.s.url, auth, COMPLETE);
        assert.equal(q.status, 202);
        const early = await download(f.s.url, auth, q.body.exportId);
        assert.equal(early.status, 409);
        assert.equal(early.json.error.code, 'export_not_ready');
        assert.equal(
          (await getJson(f.s.url, auth, `/api/analytics/exports/${q.body.exportId}`)).body.status,
          'queued',
        );
        await f.s.ctx.jobRunner.drain();
        assert.equal((await waitForExport(f.s.url, auth, q.body.exportId)).status, 'done');
        assert.equal((await download(f.s.url, auth, q.body.exportId)).status, 200);

        // A runner claims the next one and dies (its process killed): a runner allowing one attempt fails it.
        const dead = await postExport(f.s.url, auth, COMPLETE);
        const store = f.s.ctx.store;
        const claimed = await store.transaction((tx) =>
          claimNextJob(tx, store.dialect, 'dead-runner', Date.now() + 5),
        );
        assert.equal(claimed?.id, dead.body.exportId);
        assert.equal(
          (await getJson(f.s.url, auth, `/api/analytics/exports/${dead.body.exportId}`)).body.status,
          'running',
        );
        await new Promise((res) => setTimeout(res, 30)); // its heartbeat is now in the past
        const next = new JobRunner(store, { maxAttempts: 1, staleMs: 0 });
        await next.start();
        await next.stop();
        const info = await waitForExport(f.s.url, auth, dead.body.exportId);
        assert.equal(info.status, 'failed');
        assert.match(info.error ?? '', /abandoned/);
        const d = await download(f.s.url, auth, dead.body.exportId);
        assert.equal(d.status, 409);
        assert.equal(d.json.error.code, 'export_failed');
      } finally {
        limits.inlineMaxRows = inline;
      }
    });
  });
}

describe('export configuration', () => {
  it('reads EXPORT_* with defaults, and refuses bad values with the variable named', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/lla-x' });
    assert.equal(c.exportDir, '/tmp/lla-x/exports');
    assert.equal(c.exportTtlHours, 24);
    assert.equal(c.exportInlineMaxRows, 20_000);
    assert.equal(
      loadConfig({ EXPORT_DIR: '/tmp/elsewhere', EXPORT_TTL_HOURS: '0.5' }).exportDir,
      '/tmp/elsewhere',
    );
    assert.equal(loadConfig({ EXPORT_TTL_HOURS: '0.5' }).exportTtlHours, 0.5);
    assert.throws(() => loadConfig({ EXPORT_TTL_HOURS: '0' }), /EXPORT_TTL_HOURS must be a positive number/);
    assert.throws(() => loadConfig({ EXPORT_TTL_HOURS: 'a day' }), /EXPORT_TTL_HOURS/);
    assert.throws(
      () => loadConfig({ EXPORT_MAX_BYTES_PER_WORKSPACE: '-1' }),
      /EXPORT_MAX_BYTES_PER_WORKSPACE/,
    );
    assert.throws(() => loadConfig({ EXPORT_INLINE_MAX_ROWS: 'many' }), /EXPORT_INLINE_MAX_ROWS/);
  });

  it('an EXPORT_DIR that cannot be created stops the start with its reason', async () => {
    const dir = tempDir('lla-export-dir');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const config = loadConfig({ DATA_DIR: dir, EXPORT_DIR: join(file, 'exports') });
    await assert.rejects(createContext(config), /EXPORT_DIR .*a-file\/exports cannot be created/);
  });
});
