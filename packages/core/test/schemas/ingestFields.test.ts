// A new ingest attribute cannot be forgotten: the wire schemas and the catalogue declare the same fields, and
// the fast validator (hand-written for speed) rejects every field's invalid values that zod rejects, so a
// field the fast path does not check yet fails here instead of passing unchecked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import type { z } from 'zod';
import { benchmarkResults } from '../../src/catalogue/benchmarkResults.ts';
import { benchmarks } from '../../src/catalogue/benchmarks.ts';
import { conversations } from '../../src/catalogue/conversations.ts';
import { evaluations } from '../../src/catalogue/evaluations.ts';
import { messages } from '../../src/catalogue/messages.ts';
import { models } from '../../src/catalogue/models.ts';
import type { TableDef } from '../../src/catalogue/TableDef.ts';
import { toolCalls } from '../../src/catalogue/toolCalls.ts';
import {
  BenchmarkResultSchema,
  BenchmarkSchema,
  ConversationSchema,
  EvaluationSchema,
  IngestBatchSchema,
  LIMITS,
  MessageSchema,
  ModelSchema,
  ToolCallSchema,
} from '../../src/schemas/ingest.ts';
import { validateBatchFast } from '../../src/schemas/validateBatchFast.ts';

type Shaped = z.ZodObject<z.ZodRawShape>;

/** Batch list → its schema, catalogue table and a minimal valid record. */
const ENTITIES: [list: string, schema: Shaped, table: TableDef, valid: Record<string, unknown>][] = [
  ['models', ModelSchema, models, { model_id: 'm' }],
  ['conversations', ConversationSchema, conversations, { id: 'c' }],
  ['messages', MessageSchema, messages, { id: 'm1', conversation_id: 'c', role: 'user' }],
  ['evaluations', EvaluationSchema, evaluations, { id: 'e', message_id: 'm1' }],
  ['benchmarks', BenchmarkSchema, benchmarks, { id: 'b' }],
  [
    'benchmark_results',
    BenchmarkResultSchema,
    benchmarkResults,
    { id: 'r', benchmark_id: 'b', run_id: 'run', model_id: 'm', item_id: 'i' },
  ],
];

/** The columns ingest reads from the record of the same name: not server-set, not one engine's own. */
const ingestColumns = (t: TableDef) =>
  Object.entries(t.columns)
    .filter(([, c]) => c.ingest !== false && c.engine === undefined && c.writer === undefined)
    .map(([n]) => n);

test('each ingest schema declares exactly the ingest columns of its catalogue table', () => {
  for (const [list, schema, table] of ENTITIES) {
    assert.deepEqual(Object.keys(schema.shape).sort(), ingestColumns(table).sort(), list);
  }
  const toolColumns = new Set(Object.keys(toolCalls.columns));
  for (const k of Object.keys(ToolCallSchema.shape)) assert.ok(toolColumns.has(k), `tool_calls.${k}`);
});

/** Values of every kind, at least one of which each field's schema rejects. */
const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}{}${'}'.repeat(levels)}`);
const BAD: unknown[] = [
  null,
  {},
  [],
  [{}],
  [''],
  Array.from({ length: LIMITS.failureTags + LIMITS.toolsPerMessage + 1 }, () => 'x'),
  '',
  'x',
  'not-a-date',
  'a\u0000b',
  'x'.repeat(LIMITS.contentChars + 1),
  'x'.repeat(LIMITS.idLength + 1),
  0,
  -1,
  1.5,
  6,
  2 ** 31,
  true,
  nested(200),
];

function assertFieldChecked(batch: Record<string, unknown>, where: string): number {
  if (IngestBatchSchema.safeParse(batch).success) return 0;
  assert.equal(
    validateBatchFast(batch),
    undefined,
    `the fast path accepts what zod rejects at ${where}: ${inspect(batch, { depth: 4, maxStringLength: 30 })}`,
  );
  return 1;
}

test('the fast path rejects each field’s invalid values that zod rejects (every field has its check)', () => {
  for (const [list, schema, , valid] of ENTITIES) {
    assert.ok(IngestBatchSchema.safeParse({ [list]: [valid] }).success, `${list}: the valid record is valid`);
    for (const field of Object.keys(schema.shape)) {
      const rejected = BAD.reduce<number>(
        (n, bad) => n + assertFieldChecked({ [list]: [{ ...valid, [field]: bad }] }, `${list}.${field}`),
        0,
      );
      assert.ok(rejected > 0, `${list}.${field}: some value is invalid (else the field checks nothing)`);
    }
  }
  const message = ENTITIES[2][3];
  for (const field of Object.keys(ToolCallSchema.shape)) {
    const rejected = BAD.reduce<number>((n, bad) => {
      const call = { name: 'search', [field]: bad };
      return (
        n + assertFieldChecked({ messages: [{ ...message, tools_called: [call] }] }, `tools_called.${field}`)
      );
    }, 0);
    assert.ok(rejected > 0, `tools_called.${field}: some value is invalid`);
  }
});
