// Owns the aggregates the benchmark analysis reads (each one grouped read of the results), and the benchmarks
// and models beside them.

/** One run's judgments: counts, score sums and its first and last result time (epoch ms). */
export interface RunTally {
  benchmark_id: string;
  model_id: string;
  run_id: string;
  judgments: number;
  passed: number;
  failed: number;
  scored: number;
  score_sum: number;
  score_squares: number;
  start_ms: number;
  end_ms: number;
}

/** Distinct items a model was judged on in a benchmark, over all its runs. */
export interface ModelItems {
  benchmark_id: string;
  model_id: string;
  items: number;
}

/** One run of a model, named in a pairing. */
export interface RunRef {
  model_id: string;
  run_id: string;
}

/**
 * Two runs of one benchmark compared item by item: `run` (the newer run, or the fine-tune's) against
 * `against` (the model's previous run, or its base model's latest run).
 */
export interface RunPair {
  benchmark_id: string;
  kind: 'previous_run' | 'base_model';
  run: RunRef;
  against: RunRef;
}

/**
 * The item-level comparison of a pair, each item's outcome in a run being its latest judgment: items each
 * side judged, items both judged, the 2×2 of known outcomes on those, and the per-item score differences.
 */
export interface PairTally {
  run_items: number;
  against_items: number;
  matched: number;
  both_passed: number;
  run_only_passed: number;
  against_only_passed: number;
  both_failed: number;
  scored_pairs: number;
  difference_sum: number;
  difference_squares: number;
}

/** A newly failed item: the failing result of `pair.run`, whose item `pair.against` passed. */
export interface RegressionRow {
  pair: number;
  result_id: string;
  item_id: string;
  score: number | null;
  judge: string | null;
  judgment: string | null;
  created_ms: number;
}

export interface BenchmarkInfo {
  id: string;
  name: string | null;
  description: string | null;
  task_type: string | null;
  dataset: string | null;
  metric: string | null;
}

export interface ModelInfo {
  model_id: string;
  training_method: string | null;
  base_model: string | null;
}
