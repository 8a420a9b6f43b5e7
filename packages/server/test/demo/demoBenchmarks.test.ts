// The demo's benchmarks tell the story the chart shows: the SFT fine-tune beats its base on Support QA
// (significantly, on the same items) and newly fails the policy items listed in DEMO_POLICY_REGRESSIONS.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyzeBenchmarks, IngestBatchSchema } from '@llm-analytics/core';
import { DEMO_POLICY_REGRESSIONS, generateDemoBenchmarks } from '../../src/demo/demoBenchmarks.ts';
import { DEMO_MODELS } from '../../src/demo/demoModels.ts';

it('demo benchmarks: valid batches; SFT improves Support QA and regresses policy items against its base', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const batches = generateDemoBenchmarks(7, now).map((b) => IngestBatchSchema.parse(b));
  const benchmarks = batches.flatMap((b) => b.benchmarks ?? []);
  const results = batches.flatMap((b) => b.benchmark_results ?? []);
  assert.equal(benchmarks.length, 3);
  assert.deepEqual(generateDemoBenchmarks(7, now), generateDemoBenchmarks(7, now), 'deterministic');
  const a = analyzeBenchmarks({
    benchmarks: benchmarks.map((b) => ({
      id: b.id,
      name: b.name ?? null,
      description: b.description ?? null,
      task_type: b.task_type ?? null,
      dataset: b.dataset ?? null,
      metric: b.metric ?? null,
    })),
    results: results.map((r) => ({
      id: r.id,
      benchmark_id: r.benchmark_id,
      run_id: r.run_id,
      model_id: r.model_id,
      item_id: r.item_id,
      passed: r.passed ?? null,
      score: r.score ?? null,
      judge: r.judge ?? null,
      judgment: r.judgment ?? null,
      created_ms: Date.parse(r.created_at!),
    })),
    models: DEMO_MODELS.map((m) => ({
      model_id: m.row.model_id,
      training_method: m.row.training_method ?? null,
      base_model: m.row.base_model ?? null,
    })),
    window: null,
  });
  const sftQa = a.fine_tunes.find(
    (f) => f.benchmark_id === 'support-qa' && f.model_id === 'llama-3-8b-support-sft',
  )!;
  assert.ok(sftQa.accuracy_difference! > 15 && sftQa.significant, JSON.stringify(sftQa));
  const policy = a.regressions.filter((r) => r.benchmark_id === 'policy-compliance').map((r) => r.item_id);
  assert.deepEqual(policy, DEMO_POLICY_REGRESSIONS.map((i) => `policy-compliance-q${i}`).sort());
  assert.ok(
    a.runs.some((r) => r.vs_previous !== null),
    'models with several runs',
  );
});
