// The job runner on both engines: a failing job records its error and the runner goes on; a job left running
// by a dead process is queued again at start (or failed after its attempts); stopping hands a running job back;
// on PostgreSQL two runners on one database, racing over the same queued jobs, run each exactly once.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { JobKind } from '../../src/jobs/JobKind.ts';
import { JobRunner } from '../../src/jobs/JobRunner.ts';
import { JobService } from '../../src/jobs/JobService.ts';
import { PostgresStore } from '../../src/store/postgres/PostgresStore.ts';
import type { Store } from '../../src/store/Store.ts';
import { ENGINES } from '../helpers/engines.ts';
import { withStore } from '../helpers/storeFor.ts';
import { freshPostgres } from '../helpers/testServer.ts';

const NOW = Date.UTC(2026, 5, 1, 12);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A kind that records which runner ran which job, taking `ms` each. */
function recording(runs: { job: string; runner: string }[], runner: () => string, ms = 0): JobKind {
  return {
    kind: 'record',
    async run(_ctx, job, report) {
      if (ms) await sleep(ms);
      runs.push({ job: String(job.payload.n), runner: runner() });
      await report(0.5);
      return { n: job.payload.n };
    },
  };
}

const failing: JobKind = {
  kind: 'boom',
  async run() {
    throw new Error('the disk is on fire');
  },
};

/** A job row as a runner that died mid-job leaves it. */
async function abandoned(store: Store, id: string, attempts: number, heartbeatMs: number): Promise<void> {
  await store.transaction((tx) =>
    tx.query(
      `INSERT INTO jobs (id, workspace_id, kind, status, progress, payload, attempts, created_ms, run_at_ms,
         started_ms, heartbeat_ms, claimed_by)
       VALUES ($1, 'ws', 'record', 'running', 0.25, $2, $3, $4, $4, $4, $5, 'dead-runner')`,
      [id, JSON.stringify({ n: id }), attempts, NOW - 600_000, heartbeatMs],
    ),
  );
}

for (const engine of ENGINES) {
  describe(`the job runner on ${engine}`, () => {
    it('records a failing job’s error, and runs the next job', () =>
      withStore(engine, async (store) => {
        const runs: { job: string; runner: string }[] = [];
        const runner = new JobRunner(store, { now: () => NOW, id: 'r1' })
          .register(failing)
          .register(recording(runs, () => 'r1'));
        const bad = await runner.enqueue('ws', 'boom', {});
        const good = await runner.enqueue('ws', 'record', { n: 'next' });
        // Queued by a server that knew a kind this one does not.
        await store.transaction((tx) =>
          tx.query(
            `INSERT INTO jobs (id, workspace_id, kind, status, progress, payload, attempts, created_ms, run_at_ms)
             VALUES ('unknown', 'ws', 'gone', 'queued', 0, '{}', 0, $1, $1)`,
            [NOW],
          ),
        );
        await runner.drain();
        const jobs = new JobService(store);
        const b = await jobs.get('ws', bad);
        assert.equal(b?.status, 'failed');
        assert.equal(b?.error, 'the disk is on fire');
        assert.equal(b?.attempts, 1);
        assert.equal(b?.claimed_by, 'r1');
        assert.equal(b?.finished_at, new Date(NOW).toISOString());
        assert.equal(b?.result, null);
        const g = await jobs.get('ws', good);
        assert.equal(g?.status, 'succeeded');
        assert.deepEqual(g?.result, { n: 'next' });
        assert.deepEqual(runs, [{ job: 'next', runner: 'r1' }]);
        const unknown = await jobs.get('ws', 'unknown');
        assert.equal(unknown?.status, 'failed');
        assert.equal(unknown?.error, 'no job kind gone is registered in this server');
        // Another workspace sees neither.
        assert.equal(await jobs.get('other', bad), null);
      }));

    it('does not claim a job before its run_at', () =>
      withStore(engine, async (store) => {
        const runs: { job: string; runner: string }[] = [];
        let now = NOW;
        const runner = new JobRunner(store, { now: () => now }).register(recording(runs, () => 'r'));
        await runner.enqueue('ws', 'record', { n: 'later' }, { runAtMs: NOW + 60_000 });
        await runner.drain();
        assert.deepEqual(runs, []);
        now = NOW + 60_000;
        await runner.drain();
        assert.deepEqual(runs, [{ job: 'later', runner: 'r' }]);
      }));

    it('at start, takes back a job whose runner died: queued again, or failed after its attempts', () =>
      withStore(engine, async (store) => {
        await abandoned(store, 'stale', 1, NOW - 300_000);
        await abandoned(store, 'worn-out', 3, NOW - 300_000);
        // A fresh heartbeat: on PostgreSQL another instance may be running it; DuckDB has one process.
        await abandoned(store, 'fresh', 1, NOW - 1_000);
        const runs: { job: string; runner: string }[] = [];
        const runner = new JobRunner(store, { now: () => NOW, id: 'reborn', staleMs: 120_000 }).register(
          recording(runs, () => 'reborn'),
        );
        await runner.start();
        await runner.drain();
        await runner.stop();
        const jobs = new JobService(store);
        const stale = await jobs.get('ws', 'stale');
        assert.equal(stale?.status, 'succeeded');
        assert.equal(stale?.attempts, 2);
        assert.equal(stale?.claimed_by, 'reborn');
        const worn = await jobs.get('ws', 'worn-out');
        assert.equal(worn?.status, 'failed');
        assert.match(worn?.error ?? '', /abandoned.*3 times/);
        const fresh = await jobs.get('ws', 'fresh');
        if (engine === 'duckdb') assert.equal(fresh?.status, 'succeeded');
        else {
          assert.equal(fresh?.status, 'running');
          assert.equal(fresh?.claimed_by, 'dead-runner');
        }
        assert.deepEqual(runs.map((r) => r.job).sort(), engine === 'duckdb' ? ['fresh', 'stale'] : ['stale']);
      }));

    it('at start, deletes the jobs that finished more than 30 days ago (a day for kinds that say so), and only those', () =>
      withStore(engine, async (store) => {
        const DAY = 86_400_000;
        const rows: [string, string, number | null][] = [
          ['old-ok', 'succeeded', NOW - 31 * DAY],
          ['old-failed', 'failed', NOW - 40 * DAY],
          ['recent-ok', 'succeeded', NOW - 29 * DAY],
          ['old-queued', 'queued', null],
          // A kind that keeps one day of history (the minutely alert evaluations).
          ['minutely-2d', 'succeeded', NOW - 2 * DAY],
          ['minutely-1h', 'succeeded', NOW - DAY / 24],
        ];
        for (const [id, status, finished] of rows)
          await store.transaction((tx) =>
            tx.query(
              `INSERT INTO jobs (id, workspace_id, kind, status, progress, payload, attempts, created_ms,
                 run_at_ms, finished_ms)
               VALUES ($1, 'ws', $2, $3, 0, '{}', 1, $4, $5, $6)`,
              [
                id,
                id.startsWith('minutely') ? 'minutely' : 'record',
                status,
                NOW - 60 * DAY,
                NOW + DAY,
                finished,
              ],
            ),
          );
        const minutely: JobKind = { kind: 'minutely', historyMs: DAY, run: async () => ({}) };
        const runner = new JobRunner(store, { now: () => NOW }).register(minutely);
        await runner.start();
        await runner.stop();
        const left = await store.query<{ id: string }>('SELECT id FROM jobs');
        assert.deepEqual(left.map((r) => r.id).sort(), ['minutely-1h', 'old-queued', 'recent-ok']);
      }));

    it('stopping hands a running job back to the queue, not counted as an attempt', () =>
      withStore(engine, async (store) => {
        let started!: () => void;
        const running = new Promise<void>((r) => {
          started = r;
        });
        const waits: JobKind = {
          kind: 'waits',
          async run(ctx) {
            started();
            while (!ctx.signal.aborted) await sleep(5);
            throw new Error('stopped');
          },
        };
        const runner = new JobRunner(store, { now: () => NOW }).register(waits);
        const id = await runner.enqueue('ws', 'waits', {});
        await runner.start();
        await running;
        await runner.stop();
        const job = await new JobService(store).get('ws', id);
        assert.equal(job?.status, 'queued');
        assert.equal(job?.attempts, 0);
        assert.equal(job?.claimed_by, null);
      }));
  });
}

describe('two runners on one PostgreSQL database', () => {
  const db = freshPostgres();
  after(async () => (await db).drop());

  it('run each of the queued jobs exactly once between them', async () => {
    const { url } = await db;
    const stores = [await PostgresStore.open(url), await PostgresStore.open(url)];
    try {
      const runs: { job: string; runner: string }[] = [];
      const runners = stores.map((s, i) =>
        new JobRunner(s, { id: `runner-${i}`, now: () => NOW }).register(
          recording(runs, () => `runner-${i}`, 15),
        ),
      );
      const N = 40;
      for (let n = 0; n < N; n++) await runners[n % 2].enqueue('ws', 'record', { n: String(n) });
      await Promise.all(runners.map((r) => r.drain()));
      const counts = new Map<string, number>();
      for (const r of runs) counts.set(r.job, (counts.get(r.job) ?? 0) + 1);
      assert.equal(counts.size, N);
      for (const [job, n] of counts) assert.equal(n, 1, `job ${job} ran ${n} times`);
      for (const id of ['runner-0', 'runner-1'])
        assert.ok(
          runs.some((r) => r.runner === id),
          `${id} ran none: the runners did not race`,
        );
      const rows = await stores[0].query<{ status: string; attempts: number; claimed_by: string }>(
        'SELECT status, attempts, claimed_by FROM jobs',
      );
      assert.equal(rows.length, N);
      for (const r of rows) {
        assert.equal(r.status, 'succeeded');
        assert.equal(Number(r.attempts), 1);
      }
      // Each job's stored runner is the one that recorded it.
      const byRunner = rows.filter((r) => r.claimed_by === 'runner-0').length;
      assert.equal(byRunner, runs.filter((r) => r.runner === 'runner-0').length);
    } finally {
      for (const s of stores) await s.close();
    }
  });
});
