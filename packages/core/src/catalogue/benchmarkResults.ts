// Owns the `benchmark_results` table: one judged item of one benchmark run of one model.
import type { TableDef } from './TableDef.ts';

// No reference to `benchmarks` is enforced: results may arrive before their benchmark, and count once it does
// (the analysis joins them at read time).
export const benchmarkResults = {
  name: 'benchmark_results',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'benchmark_results_pk', unique: true },
  indexes: {
    benchmark_results_benchmark: { columns: ['workspace_id', 'benchmark_id', 'created_at'] },
  },
  columns: {
    workspace_id: { type: 'text', ingest: false },
    id: { type: 'text' },
    benchmark_id: { type: 'text' },
    run_id: { type: 'text' },
    model_id: { type: 'text' },
    item_id: { type: 'text' },
    passed: { type: 'boolean', nullable: true },
    score: { type: 'double', nullable: true },
    judge: { type: 'text', nullable: true },
    judgment: { type: 'text', nullable: true },
    created_at: { type: 'timestamp' },
  },
} as const satisfies TableDef;
