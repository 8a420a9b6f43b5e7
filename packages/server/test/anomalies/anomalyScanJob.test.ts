// The `anomaly_scan` job on both engines: the schedule queues one per workspace without piling up, the runner
// runs it (result and progress readable as a job), a bad payload fails it, and ANOMALY_SCAN_MINUTES=0 queues none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANOMALY_SCAN, anomalyScanSchedule } from '../../src/anomalies/anomalyScanJob.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

for (const engine of ENGINES) {
  describe(`anomaly_scan jobs on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine, config: { anomalyScanMinutes: 15 } });
      await s.ctx.workspaces.create('ws-second', 'second');
    });
    after(() => s.close());

    const scans = async (ws: string) =>
      (await s.ctx.jobs.list(ws, { kind: ANOMALY_SCAN, limit: 50 })).map((j) => j.status);

    it('queues one scan per workspace every period, never two pending, and runs them', async () => {
      const schedule = anomalyScanSchedule(s.ctx.jobRunner, s.ctx.workspaces, 15 * 60_000);
      assert.equal(schedule.everyMs, 15 * 60_000);
      await schedule.run();
      await schedule.run();
      assert.deepEqual(await scans(s.workspaceId), ['queued']);
      assert.deepEqual(await scans('ws-second'), ['queued']);
      await s.ctx.jobRunner.drain();
      for (const ws of [s.workspaceId, 'ws-second']) {
        const [job] = await s.ctx.jobs.list(ws, { kind: ANOMALY_SCAN, limit: 1 });
        assert.equal(job.status, 'succeeded', job.error ?? '');
        assert.equal(job.progress, 1);
        assert.equal(job.result?.queries, 9);
        assert.equal(job.result?.detected, 0, 'no data, nothing found');
      }
      await schedule.run();
      assert.deepEqual(await scans(s.workspaceId), ['queued', 'succeeded']);
      await s.ctx.jobRunner.drain();
    });

    it('fails a scan asked for an impossible number of days; a disabled schedule queues nothing', async () => {
      const id = await s.ctx.jobRunner.enqueue(s.workspaceId, ANOMALY_SCAN, { days: 0 });
      await s.ctx.jobRunner.drain();
      const job = await s.ctx.jobs.get(s.workspaceId, id);
      assert.equal(job?.status, 'failed');
      assert.match(job?.error ?? '', /days must be a whole number from 1 to 366/);
      const before = await scans('ws-second');
      await anomalyScanSchedule(s.ctx.jobRunner, s.ctx.workspaces, 0).run();
      assert.deepEqual(await scans('ws-second'), before);
    });
  });
}
