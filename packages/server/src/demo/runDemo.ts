// Owns `llm-analytics demo`'s data side: streams the generated batches through the caller's ingest function
// (the real ingest service, so demo data takes the same validation and writer path as HTTP) one at a time.
import type { IngestBatchInput } from '@llm-analytics/core';
import { generateDemoBenchmarks } from './demoBenchmarks.ts';
import { generateDemo } from './generateDemo.ts';

export interface RunDemoOptions {
  messages: number;
  seed?: number;
  /** End of the 90-day demo period; default now. */
  now?: Date;
  ingest: (batch: IngestBatchInput) => Promise<unknown>;
  /** Called after each acknowledged batch with messages written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RunDemoResult {
  messages: number;
  conversations: number;
  evaluations: number;
  models: number;
  benchmarks: number;
  benchmark_results: number;
}

export async function runDemo(opts: RunDemoOptions): Promise<RunDemoResult> {
  const result: RunDemoResult = {
    messages: 0,
    conversations: 0,
    evaluations: 0,
    models: 0,
    benchmarks: 0,
    benchmark_results: 0,
  };
  // Sequential on purpose: the single writer batches commits anyway, and awaiting each batch keeps memory flat
  // (the generator only builds the next batch once the previous one is acknowledged).
  for (const batch of generateDemo({ messages: opts.messages, seed: opts.seed, now: opts.now })) {
    await opts.ingest(batch);
    result.models += batch.models?.length ?? 0;
    result.conversations += batch.conversations?.length ?? 0;
    result.messages += batch.messages?.length ?? 0;
    result.evaluations += batch.evaluations?.length ?? 0;
    opts.onProgress?.(result.messages, opts.messages);
  }
  // After the messages, so the models the results name are registered (their base_model pairs the runs).
  for (const batch of generateDemoBenchmarks(opts.seed ?? 42, opts.now ?? new Date())) {
    await opts.ingest(batch);
    result.benchmarks += batch.benchmarks?.length ?? 0;
    result.benchmark_results += batch.benchmark_results?.length ?? 0;
  }
  return result;
}
