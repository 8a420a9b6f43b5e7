// Checks that runDemo sends every generated batch through the given ingest function and reports counts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type IngestBatchInput, IngestBatchSchema } from '@llm-analytics/core';
import { runDemo } from '../../src/demo/runDemo.ts';

it('runDemo ingests every batch in order and reports totals and progress', async () => {
  const seen: IngestBatchInput[] = [];
  const progress: number[] = [];
  const result = await runDemo({
    messages: 5001,
    seed: 3,
    now: new Date('2025-06-01T00:00:00Z'),
    ingest: async (batch) => {
      IngestBatchSchema.parse(batch);
      seen.push(batch);
    },
    onProgress: (done, total) => {
      assert.equal(total, 5001);
      progress.push(done);
    },
  });
  const count = (
    k: 'models' | 'conversations' | 'messages' | 'evaluations' | 'benchmarks' | 'benchmark_results',
  ) => seen.reduce((n, b) => n + (b[k]?.length ?? 0), 0);
  assert.deepEqual(result, {
    messages: 5001,
    conversations: count('conversations'),
    evaluations: count('evaluations'),
    models: count('models'),
    benchmarks: 3,
    benchmark_results: count('benchmark_results'),
  });
  assert.ok(result.benchmark_results > 0);
  assert.ok(result.models >= 8 && result.evaluations > 0);
  assert.equal(progress.at(-1), 5001);
  assert.ok(progress.every((p, i) => i === 0 || p >= progress[i - 1]));
});

it('runDemo stops at the first failing batch and propagates the error', async () => {
  let calls = 0;
  await assert.rejects(
    runDemo({
      messages: 10_000,
      ingest: async () => {
        if (++calls === 2) throw new Error('writer closed');
      },
    }),
    /writer closed/,
  );
  assert.equal(calls, 2);
});
