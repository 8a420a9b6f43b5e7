// Owns the rows the benchmark analysis reads: results (one judged item of a run), benchmarks and models.

export interface BenchmarkResultRowInput {
  id: string;
  benchmark_id: string;
  run_id: string;
  model_id: string;
  item_id: string;
  passed: boolean | null;
  score: number | null;
  judge: string | null;
  judgment: string | null;
  /** Epoch milliseconds. */
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
