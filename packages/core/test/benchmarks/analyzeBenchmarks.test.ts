// Tests the pure half of the benchmark analysis on hand-made aggregates: which runs are paired (previous run,
// base model from the registry, ties by run id), and how tallies become the reply (sums over runs, the
// fine-tune's 2×2 and its tests, regressions counted from the discordant pairs, unknown benchmarks left out).
// The SQL that produces the aggregates is checked against a direct computation in the server's tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeBenchmarks } from '../../src/benchmarks/analyzeBenchmarks.ts';
import type { PairTally, RunTally } from '../../src/benchmarks/BenchmarkInput.ts';
import { planBenchmarkPairs } from '../../src/benchmarks/planBenchmarkPairs.ts';
import { mcnemarExact } from '../../src/statistics/mcnemarExact.ts';
import { pairedTTest } from '../../src/statistics/pairedTTest.ts';

const run = (
  benchmark_id: string,
  model_id: string,
  run_id: string,
  start: number,
  passed: number,
  failed: number,
): RunTally => ({
  benchmark_id,
  model_id,
  run_id,
  judgments: passed + failed + 1,
  passed,
  failed,
  scored: 2,
  score_sum: 1,
  score_squares: 0.625,
  start_ms: start,
  end_ms: start + 100,
});
const MODELS = [
  { model_id: 'base', training_method: 'base', base_model: null },
  { model_id: 'ft', training_method: 'sft', base_model: 'base' },
  { model_id: 'orphan', training_method: 'sft', base_model: 'never-ran' },
];
const RUNS = [
  run('b1', 'base', 'r2', 10, 6, 4),
  run('b1', 'base', 'r1', 0, 5, 5),
  run('b1', 'ft', 'f-b', 5, 8, 2),
  // Same start as f-b: the run id breaks the tie, so f-b is the latest.
  run('b1', 'ft', 'f-a', 5, 7, 3),
  run('b1', 'orphan', 'o1', 1, 1, 1),
  run('gone', 'base', 'x', 0, 9, 0),
];
const BENCHMARKS = [
  { id: 'b1', name: 'B1', description: null, task_type: null, dataset: null, metric: null },
];

test('pairs: each model’s last two runs, and each fine-tune’s latest run against its base’s latest', () => {
  const pairs = planBenchmarkPairs(RUNS.slice(0, 5), MODELS);
  assert.deepEqual(
    pairs.map((p) => [p.kind, p.run.model_id, p.run.run_id, p.against.model_id, p.against.run_id]),
    [
      ['previous_run', 'base', 'r2', 'base', 'r1'],
      ['previous_run', 'ft', 'f-b', 'ft', 'f-a'],
      ['base_model', 'ft', 'f-b', 'base', 'r2'],
    ],
  );
});

test('the reply from tallies: sums, fine-tune statistics, regressions total; unknown benchmarks left out', () => {
  const runs = RUNS.filter((r) => r.benchmark_id === 'b1');
  const pairs = planBenchmarkPairs(runs, MODELS);
  const tally = (both: number, runOnly: number, againstOnly: number, neither: number): PairTally => ({
    run_items: both + runOnly + againstOnly + neither + 2,
    against_items: both + runOnly + againstOnly + neither + 1,
    matched: both + runOnly + againstOnly + neither,
    both_passed: both,
    run_only_passed: runOnly,
    against_only_passed: againstOnly,
    both_failed: neither,
    scored_pairs: 3,
    difference_sum: 0.3,
    difference_squares: 0.05,
  });
  const tallies = [tally(4, 1, 2, 3), tally(6, 2, 1, 1), tally(5, 4, 1, 0)];
  const a = analyzeBenchmarks({
    benchmarks: BENCHMARKS,
    runs: RUNS,
    modelItems: [{ benchmark_id: 'b1', model_id: 'ft', items: 12 }],
    models: MODELS,
    pairs,
    pairTallies: tallies,
    regressions: [
      {
        pair: 2,
        result_id: 'res-9',
        item_id: 'q9',
        score: 0.1,
        judge: 'j',
        judgment: 'wrong',
        created_ms: 7,
      },
    ],
    window: null,
  });
  const counted = runs;
  const passed = counted.reduce((n, r) => n + r.passed, 0);
  const failed = counted.reduce((n, r) => n + r.failed, 0);
  assert.equal(a.benchmarksAnalyzed, 1);
  assert.equal(
    a.totalJudgments,
    counted.reduce((n, r) => n + r.judgments, 0),
  );
  assert.deepEqual(a.judgmentBreakdown, { passed, failed });
  const ft = a.benchmarks[0].models.find((m) => m.model_id === 'ft')!;
  assert.deepEqual([ft.runs, ft.items, ft.passed, ft.failed, ft.accuracy], [2, 12, 15, 5, 75]);
  assert.deepEqual(
    a.runs.map((r) => [r.model_id, r.run_id, r.vs_previous?.previous_run_id ?? null]),
    [
      ['base', 'r1', null],
      ['base', 'r2', 'r1'],
      ['ft', 'f-a', null],
      ['ft', 'f-b', 'f-a'],
      ['orphan', 'o1', null],
    ],
  );
  assert.equal(a.regressions_total, 2 + 1 + 1);
  const [f] = a.fine_tunes;
  assert.deepEqual(
    [
      f.model_id,
      f.base_model,
      f.run_id,
      f.base_run_id,
      f.paired_items,
      f.only_model_items,
      f.only_base_items,
    ],
    ['ft', 'base', 'f-b', 'r2', 10, 2, 1],
  );
  assert.equal(f.accuracy_difference, (100 * (4 - 1)) / 10);
  assert.equal(f.accuracy_p_value, mcnemarExact(1, 4));
  assert.deepEqual(f.score_ci, pairedTTest({ n: 3, sum: 0.3, sumSquares: 0.05 }).ci);
  assert.deepEqual(
    a.regressions.map((r) => [r.model_id, r.run_id, r.kind, r.against, r.result_id]),
    [['ft', 'f-b', 'base_model', 'base', 'res-9']],
  );
});
