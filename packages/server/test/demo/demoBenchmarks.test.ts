// The demo's benchmarks tell the story the chart shows: the SFT fine-tune beats its base on Support QA
// (significantly, on the same items) and newly fails exactly the policy items of DEMO_POLICY_REGRESSIONS.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { IngestBatchSchema } from '@llm-analytics/core';
import { DEMO_POLICY_REGRESSIONS, generateDemoBenchmarks } from '../../src/demo/demoBenchmarks.ts';
import { DEMO_MODELS } from '../../src/demo/demoModels.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(() => s?.close());

it('demo benchmarks: valid batches; SFT improves Support QA and regresses policy items against its base', async () => {
  const now = new Date();
  const batches = generateDemoBenchmarks(7, now);
  assert.deepEqual(batches, generateDemoBenchmarks(7, now), 'deterministic');
  await s.ctx.ingest.ingest(s.workspaceId, { models: DEMO_MODELS.map((m) => m.row) });
  for (const b of batches) await s.ctx.ingest.ingest(s.workspaceId, IngestBatchSchema.parse(b));
  const a = (await s.ctx.benchmarks.analysis(s.workspaceId, { period: '30d' })).data;
  assert.equal(a.benchmarksAnalyzed, 3, 'every run lies in the default 30 days');
  const sftQa = a.fine_tunes.find(
    (f) => f.benchmark_id === 'support-qa' && f.model_id === 'llama-3-8b-support-sft',
  )!;
  assert.ok(sftQa.accuracy_difference! > 15 && sftQa.significant, JSON.stringify(sftQa));
  const policy = a.regressions.filter((r) => r.benchmark_id === 'policy-compliance');
  assert.deepEqual(
    policy.map((r) => r.item_id).sort(),
    DEMO_POLICY_REGRESSIONS.map((i) => `policy-compliance-q${i}`).sort(),
  );
  assert.ok(policy.every((r) => r.kind === 'base_model' && /Over-refusal/.test(r.judgment ?? '')));
  assert.ok(
    a.runs.some((r) => r.vs_previous !== null),
    'models with several runs',
  );
});
