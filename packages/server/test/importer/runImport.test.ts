// Checks the importer end to end on Supabase-style CSV, JSONL and JSON fixtures, with a fake ingest that
// validates like the server (IngestBatchSchema, ApiError-like `issues`) and keeps what it accepted.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type IngestBatch, type IngestBatchInput, IngestBatchSchema, toIssues } from '@llm-analytics/core';
import { ImportError } from '../../src/importer/ImportError.ts';
import { renderProgressBar } from '../../src/importer/progressBar.ts';
import { runImport } from '../../src/importer/runImport.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** An in-memory stand-in for the ingest service: same validation and error shape, no database. */
function fakeIngest() {
  const batches: IngestBatch[] = [];
  const ingest = async (batch: IngestBatchInput) => {
    const parsed = IngestBatchSchema.safeParse(batch);
    if (!parsed.success) {
      throw Object.assign(new Error('validation_failed'), { issues: toIssues(parsed.error) });
    }
    batches.push(parsed.data);
    return { ok: true };
  };
  return { batches, ingest };
}

async function importAll(file: string, table: Parameters<typeof runImport>[0]['table'], batchSize?: number) {
  const fake = fakeIngest();
  const result = await runImport({ file: fixture(file), table, ingest: fake.ingest, batchSize });
  return { result, batches: fake.batches };
}

async function rejectsAt(promise: Promise<unknown>, line: number, field: string | null, reason: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof ImportError, String(e));
    assert.equal(e.line, line);
    assert.equal(e.field, field);
    assert.match(e.message, reason);
    return true;
  });
}

describe('runImport', () => {
  it('imports Supabase llm_models CSV: drops id/user_id/timestamps, decodes JSON cells', async () => {
    const { result, batches } = await importAll('llm_models.csv', 'llm_models');
    assert.equal(result.rows, 3);
    assert.deepEqual(result.droppedColumns, ['created_at', 'id', 'updated_at', 'user_id']);
    const models = batches.flatMap((b) => b.models ?? []);
    assert.deepEqual(models[1], {
      model_id: 'llama-3-8b-support-sft',
      name: 'Llama 3 8B Support, SFT',
      provider: 'runpod',
      training_method: 'sft',
      base_model: 'llama-3-8b-base',
      training_dataset: { name: 'support-transcripts-v3', rows: 48200 },
      evaluation_metrics: { eval_loss: 1.21 },
      metadata: {
        training_job_id: 'job_sft_4811',
        runpod_endpoint_id: 'ep-sft-1',
        deployment_type: 'serverless',
        deployed_at: '2025-07-11T10:30:00Z',
      },
    });
    assert.equal(models[0].base_model, null);
    assert.equal(models[2].training_method, null);
  });

  it('imports Supabase messages CSV with multi-line content, tools JSON, t/f and NULL vs empty', async () => {
    const { result, batches } = await importAll('messages.csv', 'messages', 2);
    assert.equal(result.rows, 4);
    assert.equal(batches.length, 2, 'batchSize is honoured');
    assert.deepEqual(result.droppedColumns, ['updated_at', 'user_id']);
    const [m1, m2, m3, m4] = batches.flatMap((b) => b.messages ?? []);
    assert.equal(m1.content, 'Hi, can you help?\nI have "two" questions.');
    assert.equal(m1.created_at, '2025-11-20T14:03:11.123Z');
    assert.equal(m1.input_tokens, 12);
    assert.equal(m1.output_tokens, null);
    assert.deepEqual(m2.tools_called, [{ name: 'search_docs', success: false, duration_ms: 210 }]);
    assert.equal(m2.tool_success, false);
    assert.equal(m2.latency_ms, 1320);
    assert.deepEqual(m2.metadata, { temperature: 0.7 });
    assert.equal(m2.created_at, '2025-11-20T14:03:12.500Z');
    assert.equal(m3.content, null);
    assert.equal(m3.error_type, 'timeout');
    assert.equal(m4.content, '');
    assert.equal(m4.created_at, '2025-11-20T14:06:00.000Z');
  });

  it('imports message_evaluations CSV with Postgres arrays and offsets', async () => {
    const { result, batches } = await importAll('message_evaluations.csv', 'message_evaluations');
    assert.equal(result.rows, 3);
    const [e1, e2, e3] = batches.flatMap((b) => b.evaluations ?? []);
    assert.deepEqual(e1.failure_tags, []);
    assert.equal(e1.success, true);
    assert.deepEqual(e2.failure_tags, ['hallucination', 'off topic']);
    assert.equal(e2.created_at, '2025-11-20T08:41:00.000Z');
    assert.equal(e3.rating, null);
    assert.equal('created_at' in e3, false, 'an empty created_at is left out (the server stamps it)');
  });

  it('imports conversations JSONL (blank lines, Postgres timestamps, "t", numeric ids)', async () => {
    const { result, batches } = await importAll('conversations.jsonl', 'conversations');
    assert.equal(result.rows, 3);
    assert.deepEqual(result.droppedColumns, ['updated_at']);
    const [c1, c2, c3] = batches.flatMap((b) => b.conversations ?? []);
    assert.equal(c1.created_at, '2025-11-20T14:03:00.000Z');
    assert.equal(c2.is_widget_session, true);
    assert.equal('created_at' in c2, false);
    assert.equal(c3.user_id, '42');
  });

  it('imports benchmark_results CSV (booleans, scores, multi-line judgments) and benchmarks JSONL', async () => {
    const { result, batches } = await importAll('benchmark_results.csv', 'benchmark_results');
    assert.equal(result.rows, 3);
    assert.deepEqual(result.droppedColumns, ['notes']);
    const [r1, r2, r3] = batches.flatMap((b) => b.benchmark_results ?? []);
    assert.equal(r1.passed, true);
    assert.equal(r1.score, 1);
    assert.equal(r1.judgment, 'Correct: 42, as expected');
    assert.equal(r2.passed, false);
    assert.equal(r2.score, 0.25);
    assert.equal(r2.judgment, 'Wrong:\noff by one');
    assert.equal(r2.created_at, '2026-11-20T08:41:00.000Z');
    assert.equal(r3.passed, null);
    assert.equal('created_at' in r3, false);
    const b = await importAll('benchmarks.jsonl', 'benchmarks');
    assert.equal(b.result.rows, 2);
    assert.deepEqual(b.result.droppedColumns, ['updated_at']);
    assert.deepEqual(
      b.batches.flatMap((x) => x.benchmarks ?? []).map((x) => [x.id, x.task_type]),
      [
        ['gsm8k', 'math'],
        ['mmlu', 'multiple_choice'],
      ],
    );
  });

  it('imports a JSON array export', async () => {
    const { result, batches } = await importAll('evaluations.json', 'evaluations');
    assert.equal(result.rows, 2);
    const [a, b] = batches.flatMap((x) => x.evaluations ?? []);
    assert.equal(a.rating, 4);
    assert.deepEqual(b.failure_tags, ['incomplete']);
  });

  it('names the physical line and field of an invalid row (after a multi-line cell)', async () => {
    const fake = fakeIngest();
    await rejectsAt(
      runImport({ file: fixture('bad_messages.csv'), table: 'messages', ingest: fake.ingest }),
      4,
      'latency_ms',
      /bad_messages\.csv:4: field "latency_ms": .*negative/,
    );
    assert.equal(fake.batches.length, 0, 'the batch holding the bad row is never sent');
    await rejectsAt(
      runImport({ file: fixture('bad_rating.jsonl'), table: 'evaluations', ingest: fake.ingest }),
      2,
      'rating',
      /:2: field "rating"/,
    );
  });

  it('names the line and field of unparseable cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'e.csv');
    writeFileSync(file, 'id,message_id,success\ne-1,m-1,t\ne-2,m-1,perhaps\n');
    await rejectsAt(
      runImport({ file, table: 'evaluations', ingest: fakeIngest().ingest }),
      3,
      'success',
      /boolean/,
    );
    writeFileSync(file, 'id,message_id\ne-1,m-1,extra\n');
    await rejectsAt(
      runImport({ file, table: 'evaluations', ingest: fakeIngest().ingest }),
      2,
      null,
      /2 fields/,
    );
    const jsonl = join(dir, 'm.jsonl');
    writeFileSync(jsonl, '{"id":"m-1","conversation_id":"c","role":"user"}\n{"id": oops}\n');
    await rejectsAt(
      runImport({ file: jsonl, table: 'messages', ingest: fakeIngest().ingest }),
      2,
      null,
      /invalid JSON/,
    );
  });

  it('maps a validation error thrown by ingest back to the file line', async () => {
    // The server may reject what local checks allow (e.g. future rules): item 1 of the second batch → line 5.
    const ingest = async (batch: IngestBatchInput) => {
      const ids = batch.evaluations?.map((e) => e.id) ?? [];
      const i = ids.indexOf('e-11');
      if (i >= 0)
        throw Object.assign(new Error('bad'), {
          issues: [{ path: `evaluations[${i}].rating`, message: 'nope' }],
        });
    };
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'e.jsonl');
    writeFileSync(
      file,
      ['e-1', 'e-2', 'e-10', 'e-11'].map((id) => JSON.stringify({ id, message_id: 'm' })).join('\n\n'),
    );
    // Lines: e-1 → 1, e-2 → 3, e-10 → 5, e-11 → 7 (blank lines between).
    await rejectsAt(
      runImport({ file, table: 'evaluations', ingest, batchSize: 2 }),
      7,
      'rating',
      /:7: field "rating": nope/,
    );
    // Errors that are not about an item pass through unchanged.
    await assert.rejects(
      runImport({
        file,
        table: 'evaluations',
        ingest: async () => Promise.reject(new Error('ECONNREFUSED')),
      }),
      /ECONNREFUSED/,
    );
  });

  it('reports byte progress and rejects unknown tables and formats', async () => {
    const seen: [number, number, number][] = [];
    const fake = fakeIngest();
    await runImport({
      file: fixture('messages.csv'),
      table: 'messages',
      ingest: fake.ingest,
      batchSize: 1,
      onProgress: (read, total, rows) => seen.push([read, total, rows]),
    });
    const last = seen.at(-1)!;
    assert.equal(last[0], last[1]);
    assert.equal(last[2], 4);
    assert.ok(seen.every(([read, total]) => read <= total));
    await assert.rejects(
      runImport({ file: fixture('messages.csv'), table: 'users' as 'messages', ingest: fake.ingest }),
      /unknown table "users"/,
    );
    await assert.rejects(
      runImport({ file: fixture('../runImport.test.ts'), table: 'messages', ingest: fake.ingest }),
      /\.csv, \.jsonl/,
    );
  });
});

describe('renderProgressBar', () => {
  it('draws filled cells and a percentage', () => {
    assert.equal(renderProgressBar(0, 100, 10), '[░░░░░░░░░░]   0%');
    assert.equal(renderProgressBar(50, 100, 10), '[█████░░░░░]  50%');
    assert.equal(renderProgressBar(100, 100, 10), '[██████████] 100%');
    assert.equal(renderProgressBar(5, 0, 4), '[████] 100%');
    assert.equal(renderProgressBar(150, 100, 4), '[████] 100%');
  });
});
