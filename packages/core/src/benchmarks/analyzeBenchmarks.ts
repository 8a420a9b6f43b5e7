// Owns the benchmark analysis: per benchmark × model and per run statistics, each run against the model's
// previous run, each fine-tune paired against its base model on the same items, and the items newly failed.
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
import type { BenchmarkInfo, BenchmarkResultRowInput, ModelInfo } from './BenchmarkInput.ts';
import { addJudgment, emptyTally, judgmentStats, type Tally } from './judgmentStats.ts';

export interface BenchmarkAnalysisInput {
  benchmarks: readonly BenchmarkInfo[];
  results: readonly BenchmarkResultRowInput[];
  models: readonly ModelInfo[];
  window: { from: string; to: string } | null;
}

interface Run {
  id: string;
  tally: Tally;
  start: number;
  end: number;
  /** Each item's outcome in the run: its latest judgment (by time, then id), so a re-judged item counts once. */
  items: Map<string, BenchmarkResultRowInput>;
}

const later = (a: BenchmarkResultRowInput, b: BenchmarkResultRowInput) =>
  a.created_ms !== b.created_ms ? a.created_ms > b.created_ms : a.id > b.id;
const iso = (ms: number) => new Date(ms).toISOString();
const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}

/**
 * The analysis of the results whose benchmark is known (a result that arrived before its benchmark counts once
 * the benchmark does). Significance is at α (0.05 unless given): two-proportion z-test between runs, exact
 * McNemar and paired t between a fine-tune and its base (`base_model` in the model registry).
 */
export function analyzeBenchmarks(input: BenchmarkAnalysisInput, alpha = 0.05): BenchmarkAnalysis {
  const info = new Map(input.benchmarks.map((b) => [b.id, b]));
  const models = new Map(input.models.map((m) => [m.model_id, m]));
  /** benchmark → model → run. */
  const tree = new Map<string, Map<string, Map<string, Run>>>();
  const overall = emptyTally();
  for (const r of input.results) {
    if (!info.has(r.benchmark_id)) continue;
    addJudgment(overall, r.passed, r.score);
    const runs = getOr(
      getOr(tree, r.benchmark_id, () => new Map()),
      r.model_id,
      () => new Map(),
    );
    const run = getOr(runs, r.run_id, () => ({
      id: r.run_id,
      tally: emptyTally(),
      start: r.created_ms,
      end: r.created_ms,
      items: new Map(),
    }));
    addJudgment(run.tally, r.passed, r.score);
    run.start = Math.min(run.start, r.created_ms);
    run.end = Math.max(run.end, r.created_ms);
    const seen = run.items.get(r.item_id);
    if (!seen || later(r, seen)) run.items.set(r.item_id, r);
  }

  const benchmarks: BenchmarkAnalysis['benchmarks'] = [];
  const runsOut: BenchmarkRun[] = [];
  const fineTunes: FineTuneComparison[] = [];
  const regressions: BenchmarkRegression[] = [];
  for (const [benchmarkId, perModel] of byKey(tree)) {
    const b = info.get(benchmarkId)!;
    const latest = new Map<string, Run>();
    const modelStats = [];
    for (const [modelId, runs] of byKey(perModel)) {
      const ordered = [...runs.values()].sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : 1));
      latest.set(modelId, ordered[ordered.length - 1]);
      const total = emptyTally();
      const items = new Set<string>();
      for (const run of ordered) {
        for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += run.tally[k];
        for (const item of run.items.keys()) items.add(item);
      }
      const m = models.get(modelId);
      modelStats.push({
        model_id: modelId,
        training_method: m?.training_method ?? null,
        base_model: m?.base_model ?? null,
        items: items.size,
        runs: ordered.length,
        ...judgmentStats(total),
      });
      ordered.forEach((run, i) => {
        const prev = i > 0 ? ordered[i - 1] : undefined;
        runsOut.push({
          benchmark_id: benchmarkId,
          model_id: modelId,
          run_id: run.id,
          started_at: iso(run.start),
          ended_at: iso(run.end),
          ...judgmentStats(run.tally),
          vs_previous: prev ? runChange(prev, run, alpha) : null,
        });
      });
      if (ordered.length >= 2) {
        const [prev, last] = ordered.slice(-2);
        for (const r of newlyFailed(last, prev))
          regressions.push(regression(benchmarkId, r, 'previous_run', prev.id));
      }
    }
    for (const [modelId, run] of byKey(latest)) {
      const baseId = models.get(modelId)?.base_model;
      const baseRun = baseId && baseId !== modelId ? latest.get(baseId) : undefined;
      if (!baseId || !baseRun) continue;
      fineTunes.push(pairRuns(benchmarkId, modelId, baseId, run, baseRun, alpha));
      for (const r of newlyFailed(run, baseRun))
        regressions.push(regression(benchmarkId, r, 'base_model', baseId));
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
  const known = overall.passed + overall.failed;
  return {
    benchmarksAnalyzed: benchmarks.length,
    totalJudgments: overall.judgments,
    overallAccuracy: known ? (100 * overall.passed) / known : 0,
    judgmentBreakdown: { passed: overall.passed, failed: overall.failed },
    window: input.window,
    benchmarks,
    runs: runsOut,
    fine_tunes: fineTunes,
    regressions: regressions.slice(0, REGRESSIONS_LIMIT),
    regressions_total: regressions.length,
  };
}

function runChange(prev: Run, run: Run, alpha: number): BenchmarkRun['vs_previous'] {
  const sample = (t: Tally) => ({ successes: t.passed, trials: t.passed + t.failed });
  const e = compareProportions(sample(prev.tally), sample(run.tally), { alpha });
  const points = (v: number | null) => (v === null ? null : v * 100);
  return {
    previous_run_id: prev.id,
    accuracy_difference: points(e.difference),
    ci: e.ci ? [e.ci[0] * 100, e.ci[1] * 100] : null,
    p_value: e.p_value,
    significant: e.p_value !== null && e.p_value < alpha,
  };
}

/** Items `run` fails that `against` passed, by item id. */
function newlyFailed(run: Run, against: Run): BenchmarkResultRowInput[] {
  const out: BenchmarkResultRowInput[] = [];
  for (const [item, r] of run.items)
    if (r.passed === false && against.items.get(item)?.passed === true) out.push(r);
  return out.sort((a, b) => (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0));
}

function regression(
  benchmarkId: string,
  r: BenchmarkResultRowInput,
  kind: BenchmarkRegression['kind'],
  against: string,
): BenchmarkRegression {
  return {
    benchmark_id: benchmarkId,
    model_id: r.model_id,
    run_id: r.run_id,
    item_id: r.item_id,
    kind,
    against,
    score: r.score,
    judge: r.judge,
    judgment: r.judgment,
    created_at: iso(r.created_ms),
  };
}

/** The fine-tune's latest run against its base's latest run, on the items both judged. */
function pairRuns(
  benchmarkId: string,
  modelId: string,
  baseId: string,
  run: Run,
  base: Run,
  alpha: number,
): FineTuneComparison {
  let [both, modelOnly, baseOnly, neither, onlyModel, onlyBase] = [0, 0, 0, 0, 0, 0];
  const diffs = { n: 0, sum: 0, sumSquares: 0 };
  for (const [item, r] of run.items) {
    const o = base.items.get(item);
    if (!o) {
      onlyModel++;
      continue;
    }
    if (r.passed !== null && o.passed !== null) {
      if (r.passed && o.passed) both++;
      else if (r.passed) modelOnly++;
      else if (o.passed) baseOnly++;
      else neither++;
    }
    if (r.score !== null && o.score !== null) {
      const d = r.score - o.score;
      diffs.n++;
      diffs.sum += d;
      diffs.sumSquares += d * d;
    }
  }
  for (const item of base.items.keys()) if (!run.items.has(item)) onlyBase++;
  const paired = both + modelOnly + baseOnly + neither;
  const accuracyP = paired ? mcnemarExact(baseOnly, modelOnly) : null;
  const t = pairedTTest(diffs, alpha);
  return {
    benchmark_id: benchmarkId,
    model_id: modelId,
    base_model: baseId,
    run_id: run.id,
    base_run_id: base.id,
    paired_items: paired,
    only_model_items: onlyModel,
    only_base_items: onlyBase,
    both_passed: both,
    model_only_passed: modelOnly,
    base_only_passed: baseOnly,
    both_failed: neither,
    accuracy_difference: paired ? (100 * (modelOnly - baseOnly)) / paired : null,
    accuracy_p_value: accuracyP,
    scored_pairs: diffs.n,
    mean_score_difference: t.mean_difference,
    score_ci: t.ci,
    score_p_value: t.p_value,
    significant: (accuracyP !== null && accuracyP < alpha) || (t.p_value !== null && t.p_value < alpha),
  };
}
