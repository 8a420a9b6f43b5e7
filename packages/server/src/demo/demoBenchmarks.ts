// Owns the demo's benchmark data: three benchmarks with runs for the base Llama and its fine-tunes (and GPT-4o
// as a reference). The SFT fine-tune improves support QA clearly and regresses a few policy items its base
// passed, so the chart has a winner, a regression list and runs over time to show.
import type { BenchmarkInput, BenchmarkResultInput, IngestBatchInput } from '@llm-analytics/core';
import { Rng } from './Rng.ts';

const BASE = 'llama-3-8b-base';
const SFT = 'llama-3-8b-support-sft';
const DPO = 'llama-3-8b-support-dpo';
const ITEMS = 40;
const DAY_MS = 86_400_000;

export const DEMO_BENCHMARKS: readonly BenchmarkInput[] = [
  {
    id: 'support-qa',
    name: 'Support QA',
    description: 'Customer-support questions with reference answers, judged by an LLM against the reference.',
    task_type: 'question_answering',
    dataset: 'support-faq-v2 (held out)',
    metric: 'accuracy',
  },
  {
    id: 'policy-compliance',
    name: 'Policy compliance',
    description: 'Requests the assistant must answer or decline per the support policy.',
    task_type: 'classification',
    dataset: 'policy-cases-2025',
    metric: 'accuracy',
  },
  {
    id: 'ticket-summaries',
    name: 'Ticket summaries',
    description: 'Summaries of long tickets, scored 0–1 for coverage and faithfulness; ≥ 0.6 passes.',
    task_type: 'summarization',
    dataset: 'tickets-long-v1',
    metric: 'judge_score',
  },
];

/** Policy items the SFT fine-tune newly gets wrong: it over-refuses permitted requests its base answered. */
export const DEMO_POLICY_REGRESSIONS: readonly number[] = [3, 11, 19, 27];

interface DemoRun {
  model: string;
  run: string;
  daysAgo: number;
  /** The model's skill on each benchmark: an item passes when its difficulty (plus noise) is below it. */
  skill: Record<string, number>;
}

// Every run within the last 30 days: the dashboard's default range shows them all.
const RUNS: readonly DemoRun[] = [
  {
    model: BASE,
    run: 'base-2025-11',
    daysAgo: 26,
    skill: { 'support-qa': 0.5, 'policy-compliance': 0.82, 'ticket-summaries': 0.5 },
  },
  {
    model: BASE,
    run: 'base-2025-12',
    daysAgo: 12,
    skill: { 'support-qa': 0.54, 'policy-compliance': 0.84, 'ticket-summaries': 0.52 },
  },
  {
    model: SFT,
    run: 'sft-v3-rc1',
    daysAgo: 20,
    skill: { 'support-qa': 0.74, 'policy-compliance': 0.84, 'ticket-summaries': 0.6 },
  },
  {
    model: SFT,
    run: 'sft-v3',
    daysAgo: 5,
    skill: { 'support-qa': 0.82, 'policy-compliance': 0.84, 'ticket-summaries': 0.62 },
  },
  {
    model: DPO,
    run: 'dpo-v1',
    daysAgo: 8,
    skill: { 'support-qa': 0.66, 'policy-compliance': 0.86, 'ticket-summaries': 0.58 },
  },
  {
    model: 'gpt-4o',
    run: 'gpt-4o-ref',
    daysAgo: 15,
    skill: { 'support-qa': 0.86, 'policy-compliance': 0.9, 'ticket-summaries': 0.75 },
  },
];

function judgment(benchmark: string, item: number, passed: boolean, regressed: boolean): string {
  if (regressed)
    return `Over-refusal: declined a permitted request (policy case ${item}: refund status lookup) that the policy allows.`;
  if (benchmark === 'ticket-summaries')
    return passed
      ? 'Covers the customer issue and the resolution; no invented details.'
      : 'Misses the resolution step and states an unsupported cause.';
  return passed
    ? 'Correct: matches the reference answer.'
    : `Incorrect: contradicts the reference on item ${item}.`;
}

/** The demo's benchmark batches (ids carry the seed, as the other demo ids do), ending `now`. */
export function generateDemoBenchmarks(seed: number, now: Date): IngestBatchInput[] {
  const rng = new Rng(seed ^ 0xbe7c);
  const prefix = `demo${seed.toString(36)}`;
  // One difficulty per item, shared by every model: the same items are hard for all, so pairs correlate.
  const difficulty = new Map(
    DEMO_BENCHMARKS.map((b) => [b.id, Array.from({ length: ITEMS }, () => rng.next())]),
  );
  const batches: IngestBatchInput[] = [{ benchmarks: DEMO_BENCHMARKS.map((b) => ({ ...b })) }];
  for (const r of RUNS) {
    const results: BenchmarkResultInput[] = [];
    const start = now.getTime() - r.daysAgo * DAY_MS;
    for (const b of DEMO_BENCHMARKS) {
      const hard = difficulty.get(b.id)!;
      for (let i = 0; i < ITEMS; i++) {
        const regressed =
          r.model === SFT && b.id === 'policy-compliance' && DEMO_POLICY_REGRESSIONS.includes(i);
        // Run-to-run noise, except on policy cases: a policy answer is deterministic, so its only changes are
        // the fine-tune's regressions.
        const noise = b.id === 'policy-compliance' ? 0 : rng.normal() * 0.08;
        const margin = r.skill[b.id] - hard[i] + noise;
        // Regressed items are ones the base passes comfortably (their difficulty sits below its skill).
        const passed = regressed
          ? false
          : DEMO_POLICY_REGRESSIONS.includes(i) && b.id === 'policy-compliance'
            ? true
            : margin > 0;
        // The judge's score follows the margin, with its own noise; a regressed answer scores low.
        const raw = regressed ? 0.1 + rng.next() * 0.2 : 0.6 + margin + rng.normal() * 0.05;
        const score = Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
        results.push({
          id: `${prefix}-br-${r.run}-${b.id}-${i}`,
          benchmark_id: b.id,
          run_id: r.run,
          model_id: r.model,
          item_id: `${b.id}-q${i}`,
          passed: b.id === 'ticket-summaries' ? score >= 0.6 : passed,
          score,
          judge: 'gpt-4o-judge',
          judgment: judgment(b.id, i, b.id === 'ticket-summaries' ? score >= 0.6 : passed, regressed),
          created_at: new Date(start + (i + ITEMS * DEMO_BENCHMARKS.indexOf(b)) * 30_000).toISOString(),
        });
      }
    }
    batches.push({ benchmark_results: results });
  }
  return batches;
}
