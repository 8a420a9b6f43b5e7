// Benchmarks end to end on both engines: results and benchmarks through POST /api/ingest (results before their
// benchmark stored and counted once it arrives, re-sent ids upserting, invalid batches refused whole with the
// path), and GET /api/analytics/benchmark-analysis against a direct computation, with its window parameters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type Body, get } from '../traces/apiGet.ts';

const ITEMS = 30;
const at = (day: number, i: number) => new Date(Date.UTC(2026, 10, 1 + day, 10, 0, i)).toISOString();

/** Run `run` of `model` on benchmark `b`: item i passes when `pass(i)`, scored i/ITEMS. */
function run(b: string, model: string, runId: string, day: number, pass: (i: number) => boolean) {
  return Array.from({ length: ITEMS }, (_, i) => ({
    id: `${b}-${runId}-${i}`,
    benchmark_id: b,
    run_id: runId,
    model_id: model,
    item_id: `item-${i}`,
    passed: pass(i),
    score: pass(i) ? 1 : i / ITEMS,
    judge: 'judge-llm',
    judgment: pass(i) ? 'correct' : `wrong answer on item ${i}`,
    created_at: at(day, i),
  }));
}

for (const engine of ENGINES) {
  describe(`benchmarks on ${engine}`, () => {
    let s: TestServer;
    let key: string;
    const ingest = (body: unknown) => post(`${s.url}/api/ingest`, key, body);
    const count = async (table: string) => {
      const [r] = await s.ctx.store.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`,
        [s.workspaceId],
      );
      return Number(r.n);
    };
    const analysis = async (qs = '') => {
      const r = await get(s, `/api/analytics/benchmark-analysis${qs}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.data as Body;
    };
    before(async () => {
      s = await startTestServer({ engine });
      key = await s.createKey('ingest');
    });
    after(() => s?.close());

    it('stores results before their benchmark arrives and counts them once it does', async () => {
      const models = [
        { model_id: 'base-7b', training_method: 'base' },
        { model_id: 'ft-7b', training_method: 'sft', base_model: 'base-7b' },
      ];
      const early = run('qa', 'base-7b', 'base-r1', 0, (i) => i % 2 === 0);
      const r = await ingest({ models, benchmark_results: early });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.accepted, {
        models: 2,
        conversations: 0,
        messages: 0,
        evaluations: 0,
        benchmark_results: ITEMS,
      });
      assert.equal(await count('benchmark_results'), ITEMS);
      assert.equal((await analysis()).totalJudgments, 0, 'not counted without its benchmark');
      const b = await ingest({ benchmarks: [{ id: 'qa', name: 'QA', task_type: 'qa', metric: 'accuracy' }] });
      assert.equal(b.status, 200);
      const a = await analysis();
      assert.equal(a.benchmarksAnalyzed, 1);
      assert.equal(a.totalJudgments, ITEMS);
      assert.deepEqual(a.judgmentBreakdown, { passed: ITEMS / 2, failed: ITEMS / 2 });
      assert.equal(a.overallAccuracy, 50);
    });

    it('re-sent results upsert: the same ids change values, never add rows', async () => {
      const again = run('qa', 'base-7b', 'base-r1', 0, (i) => i % 2 === 0 || i === 1);
      assert.equal((await ingest({ benchmark_results: again })).status, 200);
      assert.equal((await ingest({ benchmark_results: again })).status, 200);
      assert.equal(await count('benchmark_results'), ITEMS);
      const a = await analysis();
      assert.deepEqual(a.judgmentBreakdown, { passed: ITEMS / 2 + 1, failed: ITEMS / 2 - 1 });
      // A re-sent benchmark replaces its description.
      await ingest({ benchmarks: [{ id: 'qa', name: 'Question answering' }] });
      assert.equal(await count('benchmarks'), 1);
      assert.equal((await analysis()).benchmarks[0].name, 'Question answering');
    });

    it('refuses an invalid batch whole, with the path of each issue', async () => {
      const before = [await count('benchmarks'), await count('benchmark_results')];
      const bad = await ingest({
        benchmarks: [{ id: 'new-bench' }],
        benchmark_results: [
          { ...run('qa', 'x', 'x', 0, () => true)[0], id: 'bad-1', judgment: 'a\u0000b' },
          { id: 'bad-2', benchmark_id: 'qa', run_id: 'r', model_id: 'm', item_id: 'i', score: 'high' },
          { id: 'bad-3', benchmark_id: 'qa', run_id: 'r', model_id: 'm' },
        ],
      });
      assert.equal(bad.status, 400);
      const paths = bad.body.error!.issues!.map((i) => i.path);
      assert.ok(paths.includes('benchmark_results[0].judgment'), paths.join());
      assert.ok(paths.includes('benchmark_results[1].score'), paths.join());
      assert.ok(paths.includes('benchmark_results[2].item_id'), paths.join());
      const deep = await ingest({ benchmarks: [{ id: 'x', unknown_field: 1 }] });
      assert.equal(deep.status, 400);
      assert.deepEqual([await count('benchmarks'), await count('benchmark_results')], before);
    });

    it('analyses runs, the previous run, and the fine-tune paired against its base', async () => {
      // Base run 2 fails items 0, 1 and 2 that run 1 passed; the fine-tune passes every item but 0-4 and 29,
      // and only it ran item 29.
      const baseR2 = run('qa', 'base-7b', 'base-r2', 3, (i) => i % 2 === 0 && i !== 0 && i !== 2);
      const ft = run('qa', 'ft-7b', 'ft-r1', 4, (i) => i >= 5 && i !== 29).map((r) => ({
        ...r,
        id: `ft-${r.id}`,
      }));
      const extra = { ...ft[0], id: 'ft-only', item_id: 'item-ft-only', passed: true };
      assert.equal((await ingest({ benchmark_results: [...baseR2, ...ft, extra] })).status, 200);
      const a = await analysis();
      const runs = a.runs.map((r: Body) => [r.model_id, r.run_id, r.vs_previous?.previous_run_id ?? null]);
      assert.deepEqual(runs, [
        ['base-7b', 'base-r1', null],
        ['base-7b', 'base-r2', 'base-r1'],
        ['ft-7b', 'ft-r1', null],
      ]);
      const r2 = a.runs[1];
      assert.equal(r2.passed, ITEMS / 2 - 2);
      assert.ok(Math.abs(r2.vs_previous.accuracy_difference - (100 * (13 - 16)) / ITEMS) < 1e-9);
      const [f] = a.fine_tunes;
      assert.equal(f.model_id, 'ft-7b');
      assert.equal(f.base_model, 'base-7b');
      assert.equal(f.base_run_id, 'base-r2');
      assert.equal(f.paired_items, ITEMS);
      assert.equal(f.only_model_items, 1);
      // Base r2 passes the even items but 0 and 2 (13); the fine-tune passes 5–28 (24).
      const base = new Set([4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28]);
      const mine = new Set(Array.from({ length: 24 }, (_, i) => i + 5));
      const both = [...mine].filter((i) => base.has(i)).length;
      assert.equal(f.both_passed, both);
      assert.equal(f.model_only_passed, mine.size - both);
      assert.equal(f.base_only_passed, base.size - both);
      assert.ok(f.accuracy_p_value < 0.05 && f.significant);
      const regressions = a.regressions.map((r: Body) => [r.model_id, r.item_id, r.kind, r.judgment]);
      assert.deepEqual(regressions, [
        ['base-7b', 'item-0', 'previous_run', 'wrong answer on item 0'],
        // Item 1 passed in base-r1 since its re-send above.
        ['base-7b', 'item-1', 'previous_run', 'wrong answer on item 1'],
        ['base-7b', 'item-2', 'previous_run', 'wrong answer on item 2'],
        ['ft-7b', 'item-4', 'base_model', 'wrong answer on item 4'],
      ]);
      const m = a.benchmarks[0].models.find((x: Body) => x.model_id === 'ft-7b');
      assert.equal(m.base_model, 'base-7b');
      assert.equal(m.items, ITEMS + 1);
    });

    it('selects results by startDate/endDate or period, and refuses a bad range', async () => {
      const first = await analysis('?startDate=2026-11-01&endDate=2026-11-01');
      assert.equal(first.totalJudgments, ITEMS, 'only base-r1 lies on 1 November');
      assert.equal(first.window.from, '2026-11-01T00:00:00.000Z');
      assert.equal((await analysis('?period=all')).totalJudgments, 3 * ITEMS + 1);
      assert.equal((await analysis('?period=7d')).window !== null, true);
      const bad = await get(s, '/api/analytics/benchmark-analysis?startDate=yesterday');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_date_range');
      assert.equal((await get(s, '/api/analytics/benchmark-analysis?period=5y')).status, 400);
    });
  });
}
