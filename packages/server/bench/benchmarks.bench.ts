// Benchmark: one GET /api/analytics/benchmark-analysis computation over 1M stored benchmark results on a file
// DuckDB (goal ≤ 300 ms): 5 benchmarks × 5 models (a base, three fine-tunes of it, one other) × 4 runs, the
// items split evenly. `npm run bench:benchmarks` · BENCH_RESULTS=50000 for a quick check · BENCH_RUNS (default 5).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkResultInput } from '@llm-analytics/core';
import { createContext } from '../src/AppContext.ts';
import { loadConfig } from '../src/config.ts';
import { Rng } from '../src/demo/Rng.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';

const SIZE = Number(process.env.BENCH_RESULTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BENCHMARKS = 5;
const MODELS = ['base', 'sft', 'dpo', 'rlhf', 'other'];
const RUNS_PER_MODEL = 4;
const ITEMS = Math.max(1, Math.floor(SIZE / (BENCHMARKS * MODELS.length * RUNS_PER_MODEL)));
const BATCH = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'lla-bbench-'));
try {
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
  const ws = DEFAULT_WORKSPACE;
  await ctx.ingest.ingest(ws, {
    models: MODELS.map((m) => ({
      model_id: m,
      training_method: m === 'other' ? 'other' : m === 'base' ? 'base' : 'sft',
      base_model: m === 'base' || m === 'other' ? null : 'base',
    })),
    benchmarks: Array.from({ length: BENCHMARKS }, (_, b) => ({ id: `bench-${b}`, name: `Benchmark ${b}` })),
  });
  const rng = new Rng(1);
  const t0 = Date.parse('2026-10-01T00:00:00Z');
  const started = performance.now();
  let batch: BenchmarkResultInput[] = [];
  let n = 0;
  for (let b = 0; b < BENCHMARKS; b++)
    for (const [mi, m] of MODELS.entries())
      for (let r = 0; r < RUNS_PER_MODEL; r++)
        for (let i = 0; i < ITEMS; i++) {
          batch.push({
            id: `r${n++}`,
            benchmark_id: `bench-${b}`,
            run_id: `${m}-run-${r}`,
            model_id: m,
            item_id: `item-${i}`,
            passed: rng.chance(0.5 + mi * 0.05 + r * 0.02),
            score: Math.round(rng.next() * 100) / 100,
            judge: 'judge',
            judgment: rng.chance(0.5) ? 'Correct.' : 'Wrong: does not match the reference answer.',
            created_at: new Date(t0 + r * 86_400_000 + mi * 3_600_000 + i * 10).toISOString(),
          });
          if (batch.length === BATCH) {
            await ctx.ingest.ingest(ws, { benchmark_results: batch });
            batch = [];
            process.stdout.write(`\r  ${n.toLocaleString()} results`);
          }
        }
  if (batch.length) await ctx.ingest.ingest(ws, { benchmark_results: batch });
  console.log(
    `\rloaded ${n.toLocaleString()} results in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `benchmark analysis, ${n.toLocaleString()} results, DuckDB file, load average ${loadavg()[0].toFixed(2)}`,
  );
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const a = await ctx.benchmarks.analysis(ws, { period: 'all' });
    const wall = performance.now() - t;
    walls.push(wall);
    console.log(
      `  run ${i + 1}: ${wall.toFixed(0)} ms (goal ≤ 300 ms) · ${a.data.totalJudgments.toLocaleString()} judgments, ${a.data.runs.length} runs, ${a.data.fine_tunes.length} fine-tune comparisons, ${a.data.regressions_total.toLocaleString()} regressions`,
    );
  }
  const sorted = [...walls].sort((a, b) => a - b);
  console.log(`  median ${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(0)} ms over ${RUNS} runs`);
  await ctx.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
