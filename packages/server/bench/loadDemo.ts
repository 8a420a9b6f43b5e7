// Owns filling a benchmark database with demo data fast: generateDemo's batches go through the store's own
// commit (the writer's path, same schema and row form as ingest) in large transactions, skipping HTTP and zod.
import type { IngestBatch } from '@llm-analytics/core';
import type { AppContext } from '../src/AppContext.ts';
import { generateDemo } from '../src/demo/generateDemo.ts';
import { appendBatchRows, emptyRowSet, type RowSet } from '../src/store/RowSet.ts';

export interface LoadResult {
  messages: number;
  evaluations: number;
  conversations: number;
  seconds: number;
}

/** Generates `messages` demo messages ending at `now` into `workspaceId`, committing every `commitEvery`. */
export async function loadDemo(
  ctx: AppContext,
  workspaceId: string,
  opts: {
    messages: number;
    now: Date;
    commitEvery?: number;
    /** Adds an LLM-judge evaluation beside each demo evaluation (the 1M messages ↔ 300k evaluations). */
    judgeCopies?: boolean;
    onProgress?: (done: number) => void;
  },
): Promise<LoadResult> {
  const started = performance.now();
  const every = opts.commitEvery ?? 250_000;
  const out: LoadResult = { messages: 0, evaluations: 0, conversations: 0, seconds: 0 };
  let rows: RowSet = emptyRowSet();
  const flush = async () => {
    if (rows.messages.length + rows.conversations.length + rows.models.length === 0) return;
    await ctx.store.commit(rows);
    rows = emptyRowSet();
    opts.onProgress?.(out.messages);
  };
  for (const batch of generateDemo({ messages: opts.messages, now: opts.now })) {
    if (opts.judgeCopies && batch.evaluations) {
      const judged = batch.evaluations.map((e) => ({
        ...e,
        id: `${e.id}-j`,
        evaluator_id: 'llm-judge:bench',
      }));
      batch.evaluations.push(...judged);
    }
    // The generator emits schema-valid batches; the row form is the one ingest builds after validation.
    appendBatchRows(rows, workspaceId, batch as IngestBatch);
    out.messages += batch.messages?.length ?? 0;
    out.evaluations += batch.evaluations?.length ?? 0;
    out.conversations += batch.conversations?.length ?? 0;
    if (rows.messages.length >= every) await flush();
  }
  await flush();
  // Warm, compact storage as a long-running server would have it after its periodic checkpoints.
  if (ctx.store.dialect === 'duckdb') await ctx.store.query('CHECKPOINT');
  out.seconds = (performance.now() - started) / 1000;
  return out;
}
