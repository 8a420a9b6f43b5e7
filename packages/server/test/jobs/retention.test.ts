// Trace retention on both engines: the hourly schedule's job deletes exactly the spans that started before
// now − TRACE_RETENTION_DAYS, in batches, with its progress stored as it goes and an activity entry of how many
// it removed; 0 days keeps every span; a deleted span sent again is stored again, once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityService } from '../../src/activity/ActivityService.ts';
import type { JobKind } from '../../src/jobs/JobKind.ts';
import { JobRunner } from '../../src/jobs/JobRunner.ts';
import { JobService } from '../../src/jobs/JobService.ts';
import { enqueueRetention, RETENTION, retentionJob, retentionSchedule } from '../../src/jobs/retentionJob.ts';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import type { Store } from '../../src/store/Store.ts';
import { WorkspaceService } from '../../src/workspaces/WorkspaceService.ts';
import { ENGINES } from '../helpers/engines.ts';
import { withStore } from '../helpers/storeFor.ts';
import { commitSpans, NOW, spread, storedSpanIds, survivors } from './retentionFixture.ts';

const BATCH = 100;
type Seen = { ws: string; reported: number; stored: number };

/** Retention whose reports are also checked against what the jobs table holds right after each one. */
function observed(store: Store, activity: ActivityService, seen: Seen[]): JobKind {
  const inner = retentionJob(activity, BATCH);
  return {
    kind: inner.kind,
    run: (ctx, job, report) =>
      inner.run(ctx, job, async (f) => {
        await report(f);
        const [row] = await store.query<{ progress: number }>('SELECT progress FROM jobs WHERE id = $1', [
          job.id,
        ]);
        seen.push({ ws: job.workspace_id, reported: f, stored: Number(row.progress) });
      }),
  };
}

async function setUp(store: Store, days: number, seen: Seen[] = []) {
  const workspaces = new WorkspaceService(store);
  const activity = new ActivityService(store, () => NOW);
  for (const ws of ['a', 'b']) await workspaces.create(ws, ws);
  const runner = new JobRunner(store, { now: () => NOW }).register(observed(store, activity, seen));
  runner.schedule(retentionSchedule(runner, workspaces, days));
  return { runner, activity, jobs: new JobService(store) };
}

for (const engine of ENGINES) {
  describe(`trace retention on ${engine}`, () => {
    it('deletes exactly the spans older than the limit, in batches, with progress and an activity entry', () =>
      withStore(engine, async (store) => {
        const a = spread('a', 1420);
        const b = spread('b', 300);
        await commitSpans(store, [...a, ...b]);
        const seen: Seen[] = [];
        const { runner, activity, jobs } = await setUp(store, 30, seen);

        await runner.start(); // the schedule queues one job per workspace at start
        await runner.drain();

        assert.deepEqual(await storedSpanIds(store, 'a'), survivors(a, 30));
        assert.deepEqual(await storedSpanIds(store, 'b'), survivors(b, 30));
        const removedA = a.length - survivors(a, 30).length;
        assert.ok(removedA > 5 * BATCH, `the fixture needs several batches (${removedA} old spans)`);

        const [job] = await jobs.list('a', { kind: RETENTION, limit: 10 });
        assert.equal(job.status, 'succeeded');
        assert.equal(job.progress, 1);
        assert.equal(job.attempts, 1);
        assert.deepEqual(job.result, {
          retention_days: 30,
          cutoff: new Date(NOW - 30 * 86_400_000).toISOString(),
          removed: removedA,
        });
        // Progress was stored at every batch, rising, below 1 until the job ended.
        // One report a batch: the batches are BATCH spans (a tie at a batch end can add a few), the last fewer.
        const forA = seen.filter((x) => x.ws === 'a');
        assert.equal(forA.length, Math.floor(removedA / BATCH) + 1);
        for (const s of seen) assert.equal(s.stored, s.reported);
        for (let i = 1; i < forA.length; i++) assert.ok(forA[i].reported >= forA[i - 1].reported);
        assert.ok(forA.every((s) => s.reported < 1));

        const [entry] = await activity.list('a');
        assert.equal(entry.action, 'traces.retention');
        assert.equal(entry.actor, 'system');
        assert.equal(entry.details?.removed, removedA);
        const [entryB] = await activity.list('b');
        assert.equal(entryB.details?.removed, b.length - survivors(b, 30).length);

        // Running again removes nothing and logs nothing (hourly runs would drown the log).
        const id = await enqueueRetention(runner, 'a', { retention_days: 30 });
        assert.notEqual(id, job.id);
        await runner.drain();
        const again = await jobs.get('a', id);
        assert.equal(again?.status, 'succeeded');
        assert.equal(again?.result?.removed, 0);
        assert.equal((await activity.list('a')).length, 1);
        await runner.stop();
      }));

    it('a deleted span sent again is stored again, once; a kept one stays one row', () =>
      withStore(engine, async (store) => {
        const a = spread('a', 200);
        await commitSpans(store, a);
        const { runner } = await setUp(store, 30);
        await enqueueRetention(runner, 'a', { retention_days: 30 });
        await runner.drain();
        const kept = survivors(a, 30);
        const deleted = a.find((r) => !kept.includes(r.span_id))!;
        const stays = a.find((r) => kept.includes(r.span_id))!;
        await store.commit({ ...emptyRowSet(), spans: [{ ...deleted, name: 'sent again' }, stays] });
        await store.commit({ ...emptyRowSet(), spans: [{ ...deleted, name: 'sent twice' }] });
        const rows = await store.query<{ span_id: string; name: string }>(
          'SELECT span_id, name FROM spans WHERE workspace_id = $1 AND span_id IN ($2, $3) ORDER BY name',
          ['a', deleted.span_id, stays.span_id],
        );
        assert.deepEqual(
          rows.map((r) => [r.span_id, r.name]).sort(),
          [
            [deleted.span_id, 'sent twice'],
            [stays.span_id, stays.name],
          ].sort(),
        );
        assert.deepEqual(await storedSpanIds(store, 'a'), [...kept, deleted.span_id].sort());
      }));

    it('0 days keeps every span: the schedule queues nothing and a requested run removes nothing', () =>
      withStore(engine, async (store) => {
        const a = spread('a', 300);
        await commitSpans(store, a);
        const { runner, activity, jobs } = await setUp(store, 0);
        await runner.start();
        await runner.drain();
        assert.deepEqual(await jobs.list('a', { limit: 10 }), []);
        await enqueueRetention(runner, 'a', { retention_days: 0, requested_by: 'admin@example.com' });
        await runner.drain();
        await runner.stop();
        assert.equal((await storedSpanIds(store, 'a')).length, a.length);
        const [job] = await jobs.list('a', { limit: 10 });
        assert.equal(job.status, 'succeeded');
        assert.deepEqual(job.result, { retention_days: 0, cutoff: null, removed: 0 });
        const [entry] = await activity.list('a');
        assert.equal(entry.actor, 'admin@example.com');
        assert.equal(entry.details?.removed, 0);
      }));
  });
}
