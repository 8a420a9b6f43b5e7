// Owns the request and reply of GET /api/analytics/benchmark-analysis: the seed's summary fields, per benchmark
// × model accuracy and scores with intervals, runs with their change against the previous run, each fine-tune
// paired against its base model on the same items, and the items a model newly fails.
import { z } from 'zod';
import { RELATIVE_RANGES } from '../query/AnalyticsQuery.ts';

/** The seed's parameters: an explicit `startDate`/`endDate` pair wins over `period` (default `all`). */
export const BenchmarkAnalysisParamsSchema = z.object({
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  period: z.enum(RELATIVE_RANGES).default('all'),
});
export type BenchmarkAnalysisParams = z.output<typeof BenchmarkAnalysisParamsSchema>;

const interval = z.tuple([z.number(), z.number()]).nullable();

/** Accuracy (passed / judgments with a known outcome, in %) and mean score of a set of judgments. */
const JudgmentStatsShape = {
  /** Every result, whatever its outcome. */
  judgments: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  /** passed / (passed + failed) × 100; null with no known outcome. */
  accuracy: z.number().nullable(),
  /** Wilson 95% interval of the accuracy, in %. */
  accuracy_ci: interval,
  /** Results that carry a score, and their mean with its Student t 95% interval. */
  scored: z.number().int(),
  mean_score: z.number().nullable(),
  score_ci: interval,
};

export const BenchmarkModelStatsSchema = z.strictObject({
  model_id: z.string(),
  training_method: z.string().nullable(),
  base_model: z.string().nullable(),
  /** Distinct items judged. */
  items: z.number().int(),
  runs: z.number().int(),
  ...JudgmentStatsShape,
});

export const BenchmarkSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  task_type: z.string().nullable(),
  dataset: z.string().nullable(),
  metric: z.string().nullable(),
  models: z.array(BenchmarkModelStatsSchema),
});

export const RunChangeSchema = z.strictObject({
  previous_run_id: z.string(),
  /** Accuracy of this run minus the previous run's, in points; null when either has no known outcome. */
  accuracy_difference: z.number().nullable(),
  /** Newcombe 95% interval of the difference, in points. */
  ci: interval,
  /** Pooled two-sided two-proportion z-test. */
  p_value: z.number().nullable(),
  significant: z.boolean(),
});

export const BenchmarkRunSchema = z.strictObject({
  benchmark_id: z.string(),
  model_id: z.string(),
  run_id: z.string(),
  /** The run's first and last result times (ISO-8601); runs of a model are ordered by their start. */
  started_at: z.string(),
  ended_at: z.string(),
  ...JudgmentStatsShape,
  vs_previous: RunChangeSchema.nullable(),
});

export const FineTuneComparisonSchema = z.strictObject({
  benchmark_id: z.string(),
  model_id: z.string(),
  base_model: z.string(),
  /** The latest run of each side in the window: the items are paired across these two. */
  run_id: z.string(),
  base_run_id: z.string(),
  /** Items both runs judged with a known outcome (the paired items), and items only one side ran. */
  paired_items: z.number().int(),
  only_model_items: z.number().int(),
  only_base_items: z.number().int(),
  both_passed: z.number().int(),
  /** Discordant pairs: passed only by the fine-tune, only by the base. */
  model_only_passed: z.number().int(),
  base_only_passed: z.number().int(),
  both_failed: z.number().int(),
  /** Fine-tune accuracy minus base accuracy on the paired items, in points. */
  accuracy_difference: z.number().nullable(),
  /** Exact two-sided McNemar test on the discordant pairs. */
  accuracy_p_value: z.number().nullable(),
  /** Items both sides scored, the mean of (fine-tune − base) score, its t interval and paired t-test p-value. */
  scored_pairs: z.number().int(),
  mean_score_difference: z.number().nullable(),
  score_ci: interval,
  score_p_value: z.number().nullable(),
  significant: z.boolean(),
});

export const BENCHMARK_REGRESSION_KINDS = ['previous_run', 'base_model'] as const;

export const BenchmarkRegressionSchema = z.strictObject({
  benchmark_id: z.string(),
  model_id: z.string(),
  run_id: z.string(),
  item_id: z.string(),
  /** The failing result. */
  result_id: z.string(),
  /** Failed now, passed in the model's previous run (`previous_run`) or by its base model (`base_model`). */
  kind: z.enum(BENCHMARK_REGRESSION_KINDS),
  /** The previous run's id, or the base model's id. */
  against: z.string(),
  score: z.number().nullable(),
  judge: z.string().nullable(),
  judgment: z.string().nullable(),
  created_at: z.string(),
});

export const BenchmarkAnalysisSchema = z.strictObject({
  benchmarksAnalyzed: z.number().int(),
  totalJudgments: z.number().int(),
  /** Passed / judgments with a known outcome × 100 over every counted result; 0 with none (the seed's number). */
  overallAccuracy: z.number(),
  judgmentBreakdown: z.strictObject({ passed: z.number().int(), failed: z.number().int() }),
  /** The half-open window results were selected in (by created_at), or null for all time. */
  window: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
  benchmarks: z.array(BenchmarkSummarySchema),
  runs: z.array(BenchmarkRunSchema),
  fine_tunes: z.array(FineTuneComparisonSchema),
  /** At most `REGRESSIONS_LIMIT`: by benchmark, previous-run ones by model before fine-tune ones, then item;
   *  `regressions_total` counts them all. */
  regressions: z.array(BenchmarkRegressionSchema),
  regressions_total: z.number().int(),
});

export const BenchmarkAnalysisReplySchema = z.strictObject({ data: BenchmarkAnalysisSchema });

export const REGRESSIONS_LIMIT = 200;

export type BenchmarkModelStats = z.output<typeof BenchmarkModelStatsSchema>;
export type BenchmarkSummary = z.output<typeof BenchmarkSummarySchema>;
export type BenchmarkRun = z.output<typeof BenchmarkRunSchema>;
export type FineTuneComparison = z.output<typeof FineTuneComparisonSchema>;
export type BenchmarkRegression = z.output<typeof BenchmarkRegressionSchema>;
export type BenchmarkAnalysis = z.output<typeof BenchmarkAnalysisSchema>;
export type BenchmarkAnalysisReply = z.output<typeof BenchmarkAnalysisReplySchema>;
