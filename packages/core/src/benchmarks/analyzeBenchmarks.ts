// Owns the benchmark analysis from its aggregates: per benchmark × model and per run statistics, each run
// against the model's previous run, each fine-tune paired against its base model on the same items, and the
// items newly failed.
import { compareProportions } from '../statistics/compareProportions.ts';
import { mcnemarExact } from '../statistics/mcnemarExact.ts';
import { pairedTTest } from '../statistics/pairedTTest.ts';
import {
  type BenchmarkAnalysis,
  type BenchmarkRegression,
  type BenchmarkRun,
  type FineTuneComparison,
  REGRESSIONS_LIMIT,
} from '../wire/benchmarks.ts';
import type {
  BenchmarkInfo,
  ModelInfo,
  ModelItems,
  PairTally,
  RegressionRow,
  RunPair,
  RunTally,
} from './BenchmarkInput.ts';
import { addTallies, emptyTally, judgmentStats, type Tally } from './judgmentStats.ts';
import { orderRuns } from './planBenchmarkPairs.ts';

export interface BenchmarkAnalysisInput {
  benchmarks: readonly BenchmarkInfo[];
  /** Runs of known benchmarks only (a result that arrived before its benchmark counts once it does). */
  runs: readonly RunTally[];
  modelItems: readonly ModelItems[];
  models: readonly ModelInfo[];
  /** `planBenchmarkPairs(runs, models)`, and each pair's tally at the same index. */
  pairs: readonly RunPair[];
  pairTallies: readonly PairTally[];
  /** The first REGRESSIONS_LIMIT regressions, by pair and item. */
  regressions: readonly RegressionRow[];
  window: { from: string; to: string } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const tallyOf = (r: RunTally): Tally => ({
  judgments: r.judgments,
  passed: r.passed,
  failed: r.failed,
  scored: r.scored,
  sum: r.score_sum,
  sumSquares: r.score_squares,
});

/**
 * Significance is at α (0.05 unless given): two-proportion z-test between runs, exact McNemar and paired t
 * between a fine-tune and its base.
 */
export function analyzeBenchmarks(input: BenchmarkAnalysisInput, alpha = 0.05): BenchmarkAnalysis {
  const info = new Map(input.benchmarks.map((b) => [b.id, b]));
  const models = new Map(input.models.map((m) => [m.model_id, m]));
  const items = new Map(input.modelItems.map((m) => [`${m.benchmark_id}\u0000${m.model_id}`, m.items]));
  const overall = emptyTally();
  const benchmarks: BenchmarkAnalysis['benchmarks'] = [];
  const runs: BenchmarkRun[] = [];
  for (const [benchmarkId, perModel] of orderRuns(input.runs.filter((r) => info.has(r.benchmark_id)))) {
    const b = info.get(benchmarkId)!;
    const modelStats = [];
    for (const [modelId, list] of perModel) {
      const total = emptyTally();
      list.forEach((run, i) => {
        const t = tallyOf(run);
        addTallies(total, t);
        runs.push({
          benchmark_id: benchmarkId,
          model_id: modelId,
          run_id: run.run_id,
          started_at: iso(run.start_ms),
          ended_at: iso(run.end_ms),
          ...judgmentStats(t),
          vs_previous: i > 0 ? runChange(list[i - 1], run, alpha) : null,
        });
      });
      addTallies(overall, total);
      const m = models.get(modelId);
      modelStats.push({
        model_id: modelId,
        training_method: m?.training_method ?? null,
        base_model: m?.base_model ?? null,
        items: items.get(`${benchmarkId}\u0000${modelId}`) ?? 0,
        runs: list.length,
        ...judgmentStats(total),
      });
    }
    benchmarks.push({
      id: b.id,
      name: b.name,
      description: b.description,
      task_type: b.task_type,
      dataset: b.dataset,
      metric: b.metric,
      models: modelStats,
    });
  }
  const fineTunes: FineTuneComparison[] = [];
  let regressionsTotal = 0;
  input.pairs.forEach((p, i) => {
    const t = input.pairTallies[i];
    regressionsTotal += t.against_only_passed;
    if (p.kind === 'base_model') fineTunes.push(fineTune(p, t, alpha));
  });
  const known = overall.passed + overall.failed;
  return {
    benchmarksAnalyzed: benchmarks.length,
    totalJudgments: overall.judgments,
    overallAccuracy: known ? (100 * overall.passed) / known : 0,
    judgmentBreakdown: { passed: overall.passed, failed: overall.failed },
    window: input.window,
    benchmarks,
    runs,
    fine_tunes: fineTunes,
    regressions: input.regressions.slice(0, REGRESSIONS_LIMIT).map((r) => regression(input.pairs[r.pair], r)),
    regressions_total: regressionsTotal,
  };
}

function runChange(prev: RunTally, run: RunTally, alpha: number): BenchmarkRun['vs_previous'] {
  const sample = (t: RunTally) => ({ successes: t.passed, trials: t.passed + t.failed });
  const e = compareProportions(sample(prev), sample(run), { alpha });
  return {
    previous_run_id: prev.run_id,
    accuracy_difference: e.difference === null ? null : e.difference * 100,
    ci: e.ci ? [e.ci[0] * 100, e.ci[1] * 100] : null,
    p_value: e.p_value,
    significant: e.p_value !== null && e.p_value < alpha,
  };
}

function regression(p: RunPair, r: RegressionRow): BenchmarkRegression {
  return {
    benchmark_id: p.benchmark_id,
    model_id: p.run.model_id,
    run_id: p.run.run_id,
    item_id: r.item_id,
    result_id: r.result_id,
    kind: p.kind,
    against: p.kind === 'previous_run' ? p.against.run_id : p.against.model_id,
    score: r.score,
    judge: r.judge,
    judgment: r.judgment,
    created_at: iso(r.created_ms),
  };
}

/** The fine-tune's latest run against its base's latest run, on the items both judged. */
function fineTune(p: RunPair, t: PairTally, alpha: number): FineTuneComparison {
  const paired = t.both_passed + t.run_only_passed + t.against_only_passed + t.both_failed;
  const accuracyP = paired ? mcnemarExact(t.against_only_passed, t.run_only_passed) : null;
  const scores = pairedTTest(
    { n: t.scored_pairs, sum: t.difference_sum, sumSquares: t.difference_squares },
    alpha,
  );
  return {
    benchmark_id: p.benchmark_id,
    model_id: p.run.model_id,
    base_model: p.against.model_id,
    run_id: p.run.run_id,
    base_run_id: p.against.run_id,
    paired_items: paired,
    only_model_items: t.run_items - t.matched,
    only_base_items: t.against_items - t.matched,
    both_passed: t.both_passed,
    model_only_passed: t.run_only_passed,
    base_only_passed: t.against_only_passed,
    both_failed: t.both_failed,
    accuracy_difference: paired ? (100 * (t.run_only_passed - t.against_only_passed)) / paired : null,
    accuracy_p_value: accuracyP,
    scored_pairs: t.scored_pairs,
    mean_score_difference: scores.mean_difference,
    score_ci: scores.ci,
    score_p_value: scores.p_value,
    significant:
      (accuracyP !== null && accuracyP < alpha) || (scores.p_value !== null && scores.p_value < alpha),
  };
}
