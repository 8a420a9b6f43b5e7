// The benchmark analysis on generated data, on both engines, against a direct computation over the generated
// rows: accuracy and its interval per benchmark × model and run, the change between runs, the fine-tune paired
// against its base on the same items (discordant pairs, exact McNemar, paired score difference), regressions,
// and the edge cases: items only one model ran, an item judged twice in a run, results stored before their
// benchmark and results whose benchmark never arrives, re-sent results.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestRng } from '../../../core/test/schemas/randomBatch.ts';
import { assertClose, oracle } from '../../../core/test/statistics/oracle.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

interface BenchmarkResultRowInput {
  id: string;
  benchmark_id: string;
  run_id: string;
  model_id: string;
  item_id: string;
  passed: boolean | null;
  score: number | null;
  judge: string | null;
  judgment: string | null;
  created_ms: number;
}

const T0 = Date.parse('2026-11-01T00:00:00Z');
const MODELS = [
  { model_id: 'base', training_method: 'base', base_model: null },
  { model_id: 'ft', training_method: 'sft', base_model: 'base' },
  { model_id: 'solo', training_method: 'sft', base_model: 'absent' },
];
const BENCHMARKS = ['b1', 'b2'].map((id) => ({
  id,
  name: id.toUpperCase(),
  description: null,
  task_type: 'qa',
  dataset: null,
  metric: 'accuracy',
}));

function generate(seed: number): BenchmarkResultRowInput[] {
  const rng = new TestRng(seed);
  const out: BenchmarkResultRowInput[] = [];
  let n = 0;
  for (const b of ['b1', 'b2', 'late']) {
    for (const [mi, m] of ['base', 'ft', 'solo'].entries()) {
      for (let run = 0; run < 2; run++) {
        for (let item = 0; item < 60; item++) {
          // Items 50+ only the base ran; items 45–49 only the fine-tune's runs.
          if (item >= 50 && m !== 'base') continue;
          if (item >= 45 && item < 50 && m === 'base') continue;
          const p = m === 'ft' && b === 'b1' ? 0.9 : 0.5;
          const judged = rng.chance(0.1) ? 2 : 1;
          for (let j = 0; j < judged; j++) {
            const unknown = rng.chance(0.05);
            out.push({
              id: `r${n++}`,
              benchmark_id: b,
              run_id: `${m}-run${run}`,
              model_id: m,
              item_id: `i${item}`,
              passed: unknown ? null : rng.chance(p),
              score: rng.chance(0.1) ? null : Math.round(rng.next() * 100) / 100,
              judge: 'gpt-judge',
              judgment: `judged ${item}`,
              created_ms: T0 + run * 86_400_000 + mi * 1000 + item * 10 + j,
            });
          }
        }
      }
    }
  }
  return out;
}

/** Stores `results` (twice: the re-send must change nothing) with the benchmarks and models in workspace `ws`. */
async function analyse(s: TestServer, ws: string, results: BenchmarkResultRowInput[]) {
  await s.createKey('ingest', ws);
  const rows = results.map(({ created_ms, ...r }) => ({
    ...r,
    created_at: new Date(created_ms).toISOString(),
  }));
  // Results first: those of b1 and b2 arrive before their benchmarks; `late` never gets one.
  await s.ctx.ingest.ingest(ws, { benchmark_results: rows });
  await s.ctx.ingest.ingest(ws, { models: MODELS, benchmarks: BENCHMARKS, benchmark_results: rows });
  return (await s.ctx.benchmarks.analysis(ws, { period: 'all' })).data;
}

const z = oracle.normalQuantile(0.975);
/** Wilson bounds as the roots of n(p̂ − p)² = z²p(1 − p), in %. */
function wilsonPct(x: number, n: number): [number, number] {
  const p = x / n;
  const a = n + z * z;
  const b = -(2 * n * p + z * z);
  const disc = Math.sqrt(b * b - 4 * a * n * p * p);
  return [(100 * (-b - disc)) / (2 * a), (100 * (-b + disc)) / (2 * a)];
}

/** The latest judgment of each item of a run, by time then id. */
function outcomes(rows: BenchmarkResultRowInput[]): Map<string, BenchmarkResultRowInput> {
  const sorted = [...rows].sort((a, b) => a.created_ms - b.created_ms || (a.id < b.id ? -1 : 1));
  return new Map(sorted.map((r) => [r.item_id, r]));
}

for (const engine of ENGINES)
  describe(`benchmark analysis on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s?.close());

    it('accuracy, intervals, runs, pairing and regressions match a direct computation', async () => {
      for (const seed of [1, 2, 3]) {
        const results = generate(seed);
        const a = await analyse(s, `ws-seed-${seed}`, results);
        const [count] = await s.ctx.store.query<{ n: number }>(
          'SELECT count(*) AS n FROM benchmark_results WHERE workspace_id = $1',
          [`ws-seed-${seed}`],
        );
        assert.equal(Number(count.n), results.length, 'every result stored once, the late ones too');
        const counted = results.filter((r) => r.benchmark_id !== 'late');
        assert.equal(a.benchmarksAnalyzed, 2);
        assert.equal(a.totalJudgments, counted.length, 'results of an unknown benchmark are not counted');
        const passed = counted.filter((r) => r.passed === true).length;
        const failed = counted.filter((r) => r.passed === false).length;
        assert.deepEqual(a.judgmentBreakdown, { passed, failed });
        assertClose(a.overallAccuracy, (100 * passed) / (passed + failed), 1e-12, 'overall');

        for (const b of a.benchmarks) {
          for (const m of b.models) {
            const rows = counted.filter((r) => r.benchmark_id === b.id && r.model_id === m.model_id);
            const x = rows.filter((r) => r.passed === true).length;
            const k = rows.filter((r) => r.passed !== null).length;
            assert.equal(m.judgments, rows.length);
            assert.equal(m.items, new Set(rows.map((r) => r.item_id)).size);
            assertClose(m.accuracy!, (100 * x) / k, 1e-12, `${b.id}/${m.model_id} accuracy`);
            const [lo, hi] = wilsonPct(x, k);
            assertClose(m.accuracy_ci![0], lo, 1e-9, 'wilson lower');
            assertClose(m.accuracy_ci![1], hi, 1e-9, 'wilson upper');
            const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
            const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
            const sd = Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (scores.length - 1));
            const half = (oracle.tQuantile(0.975, scores.length - 1) * sd) / Math.sqrt(scores.length);
            assertClose(m.mean_score!, mean, 1e-12, 'mean score');
            assertClose(m.score_ci![1] - m.mean_score!, half, 1e-9, 'score interval');
          }
        }

        for (const run of a.runs) {
          const rows = counted.filter((r) => r.benchmark_id === run.benchmark_id && r.run_id === run.run_id);
          assert.equal(run.judgments, rows.length);
          if (run.run_id.endsWith('run0')) {
            assert.equal(run.vs_previous, null);
            continue;
          }
          const prev = counted.filter(
            (r) => r.benchmark_id === run.benchmark_id && r.run_id === run.run_id.replace('run1', 'run0'),
          );
          const acc = (rs: BenchmarkResultRowInput[]) =>
            rs.filter((r) => r.passed).length / rs.filter((r) => r.passed !== null).length;
          assert.equal(run.vs_previous!.previous_run_id, run.run_id.replace('run1', 'run0'));
          assertClose(
            run.vs_previous!.accuracy_difference!,
            100 * (acc(rows) - acc(prev)),
            1e-9,
            'run change',
          );
        }

        // The fine-tune against its base, per benchmark; `solo`'s base never ran, so it has no comparison.
        assert.deepEqual(
          a.fine_tunes.map((f) => [f.benchmark_id, f.model_id, f.base_model]),
          [
            ['b1', 'ft', 'base'],
            ['b2', 'ft', 'base'],
          ],
        );
        let regressions = 0;
        for (const f of a.fine_tunes) {
          const mine = outcomes(
            counted.filter((r) => r.benchmark_id === f.benchmark_id && r.run_id === 'ft-run1'),
          );
          const base = outcomes(
            counted.filter((r) => r.benchmark_id === f.benchmark_id && r.run_id === 'base-run1'),
          );
          let [b, c, both, neither, n, sum, sq] = [0, 0, 0, 0, 0, 0, 0];
          for (const [item, r] of mine) {
            const o = base.get(item);
            if (!o) continue;
            if (r.passed !== null && o.passed !== null) {
              if (r.passed && o.passed) both++;
              else if (r.passed) c++;
              else if (o.passed) b++;
              else neither++;
            }
            if (r.passed === false && o.passed === true) regressions++;
            if (r.score !== null && o.score !== null) {
              n++;
              sum += r.score - o.score;
              sq += (r.score - o.score) ** 2;
            }
          }
          assert.equal(f.only_model_items, 5, 'items 45–49 only the fine-tune ran');
          assert.equal(f.only_base_items, 10, 'items 50–59 only the base ran');
          assert.deepEqual(
            [f.both_passed, f.model_only_passed, f.base_only_passed, f.both_failed],
            [both, c, b, neither],
          );
          assert.equal(f.paired_items, both + b + c + neither);
          assertClose(
            f.accuracy_difference!,
            (100 * (c - b)) / (both + b + c + neither),
            1e-12,
            'paired diff',
          );
          // Exact McNemar as a direct binomial sum.
          let tail = 0;
          let coef = 1;
          for (let i = 0; i <= Math.min(b, c); i++) {
            if (i > 0) coef = (coef * (b + c - i + 1)) / i;
            tail += coef;
          }
          assertClose(f.accuracy_p_value!, Math.min(1, (2 * tail) / 2 ** (b + c)), 1e-9, 'mcnemar');
          const mean = sum / n;
          const sd = Math.sqrt((sq - n * mean * mean) / (n - 1));
          assert.equal(f.scored_pairs, n);
          assertClose(f.mean_score_difference!, mean, 1e-9, 'paired score');
          const t = mean / (sd / Math.sqrt(n));
          assertClose(f.score_p_value!, 2 * oracle.tSf(Math.abs(t), n - 1), 1e-6, 'paired t p');
        }
        const vsBase = a.regressions.filter((r) => r.kind === 'base_model');
        assert.equal(vsBase.length, regressions);
        for (const r of vsBase) assert.equal(r.against, 'base');
        assert.equal(a.regressions_total, a.regressions.length);
      }
    });

    it('the improved benchmark is significant; an empty workspace gives the seed zeros', async () => {
      const a = await analyse(s, 'ws-seed-7', generate(7));
      const b1 = a.fine_tunes.find((f) => f.benchmark_id === 'b1')!;
      assert.ok(b1.accuracy_difference! > 0 && b1.significant, 'p = 0.9 against 0.5 on ~45 paired items');
      const empty = (await s.ctx.benchmarks.analysis('ws-empty', { period: 'all' })).data;
      assert.deepEqual(
        [empty.benchmarksAnalyzed, empty.totalJudgments, empty.overallAccuracy, empty.judgmentBreakdown],
        [0, 0, 0, { passed: 0, failed: 0 }],
      );
    });

    it('a run newly failing an item its previous run passed is a regression, with the judge’s text', async () => {
      const row = (id: string, run: string, item: string, passed: boolean, ms: number) => ({
        id,
        benchmark_id: 'b1',
        run_id: run,
        model_id: 'base',
        item_id: item,
        passed,
        score: null,
        judge: 'judge-1',
        judgment: `${item} in ${run}`,
        created_ms: T0 + ms,
      });
      const a = await analyse(s, 'ws-rejudged', [
        row('1', 'r1', 'x', true, 0),
        row('2', 'r1', 'y', true, 1),
        row('3', 'r2', 'x', false, 100),
        row('4', 'r2', 'y', false, 101),
        // y re-judged later in r2: it passes after all.
        row('5', 'r2', 'y', true, 102),
      ]);
      assert.deepEqual(
        a.regressions.map((r) => [r.item_id, r.kind, r.against, r.judgment, r.result_id]),
        [['x', 'previous_run', 'r1', 'x in r2', '3']],
      );
      assert.equal(a.regressions_total, 1);
    });
  });
