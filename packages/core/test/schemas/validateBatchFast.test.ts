// Tests that validateBatchFast accepts exactly what IngestBatchSchema accepts and returns the same data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { IngestBatchSchema, LIMITS, toIssues } from '../../src/schemas/ingest.ts';
import { validateBatchFast } from '../../src/schemas/validateBatchFast.ts';
import { BatchGen, TestRng } from './randomBatch.ts';

type Batch = ReturnType<typeof validateBatchFast>;

/** `levels` objects (`{`) or arrays (`[`) nested in one another, built by JSON.parse as a body would be. */
const deep = (levels: number, open: '{' | '[' = '{'): unknown =>
  JSON.parse(
    open === '{'
      ? `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`
      : `${'['.repeat(levels)}${']'.repeat(levels)}`,
  );

/** zod's issues as `path: message` lines, for comparing against what a field must report. */
const issuesOf = (body: unknown): string[] => {
  const r = IngestBatchSchema.safeParse(body);
  return r.success ? [] : toIssues(r.error).map((i) => `${i.path}: ${i.message}`);
};

/** The parts of the output that are stored as JSON text must serialise byte-identically to zod's. */
function assertSameJsonText(fast: NonNullable<Batch>, zod: NonNullable<Batch>, where: string): void {
  for (const [i, m] of (fast.messages ?? []).entries()) {
    const z = zod.messages![i];
    assert.equal(JSON.stringify(m.tools_called), JSON.stringify(z.tools_called), `${where} tools_called`);
    assert.equal(JSON.stringify(m.metadata), JSON.stringify(z.metadata), `${where} metadata`);
  }
  for (const [i, m] of (fast.models ?? []).entries())
    assert.equal(JSON.stringify(m.metadata), JSON.stringify(zod.models![i].metadata), `${where} metadata`);
}

/** Fast accepts ⇒ zod accepts with deep-equal data; zod accepts ⇒ fast accepts unless the input is exotic. */
function check(batch: unknown, exotic: boolean, where: string): boolean {
  const zod = IngestBatchSchema.safeParse(batch);
  const fast = validateBatchFast(batch);
  const show = () => `${where}: ${inspect(batch, { depth: 6, maxStringLength: 40, maxArrayLength: 5 })}`;
  // Messages are built only on failure: inspecting every batch would dominate the run time.
  if (fast) {
    if (!zod.success)
      assert.fail(`fast path accepted what zod rejects\n${show()}\n${inspect(zod.error.issues)}`);
    try {
      assert.deepStrictEqual(fast, zod.data);
      assertSameJsonText(fast, zod.data, where);
    } catch (e) {
      assert.fail(`${show()}\n${(e as Error).message}`);
    }
  } else if (!exotic && zod.success) {
    assert.fail(`fast path rejected what zod accepts\n${show()}`);
  }
  return zod.success;
}

test('random batches: the fast path and zod agree on every case (seeded; case number reproduces)', () => {
  for (const seed of [1, 2, 3]) {
    const gen = new BatchGen(new TestRng(seed));
    let accepted = 0;
    const cases = 3000;
    for (let n = 0; n < cases; n++) {
      const { batch, exotic } = gen.batch();
      if (check(batch, exotic, `seed ${seed} case ${n}`)) accepted++;
      // JSON.parse output is what the server sees: there the two must agree exactly, exotic or not.
      const json = JSON.stringify(batch);
      if (json !== undefined)
        check(JSON.parse(json), /__proto__/.test(json), `seed ${seed} case ${n} (JSON)`);
    }
    // Guards the generator itself: a mix where one verdict dominates would test little. (Six lists of records
    // that are each sometimes invalid leave about one batch in seven valid.)
    assert.ok(accepted > cases * 0.1 && accepted < cases * 0.85, `seed ${seed}: ${accepted}/${cases} valid`);
  }
});

test('single-field boundaries on an otherwise valid message', () => {
  const base = { id: 'm', conversation_id: 'c', role: 'assistant' };
  const values: unknown[] = [
    ...[-1, 0, 1, 1.5, 2147483647, 2147483648, Number.NaN, Infinity, -0, null, undefined, '1'],
    ...['', 'x', 'x'.repeat(256), 'x'.repeat(257), true, {}, []],
    ...['\ud800', 'a\udc00', '\u{1f600}', '\u{1f600}'.repeat(256), { k: '\ud800' }, { '\ud800': 1 }],
    ...['\u0000', 'a\u0000b', { k: 'a\u0000' }, { '\u0000': 1 }, { a: [{ b: '\u0000' }] }],
    ...[deep(LIMITS.jsonDepth), deep(LIMITS.jsonDepth + 1), deep(LIMITS.jsonDepth, '['), deep(200)],
  ];
  for (const key of Object.keys(IngestBatchSchema.def.shape.messages.unwrap().element.shape))
    for (const value of values)
      check({ messages: [{ ...base, [key]: value }] }, false, `${key}=${inspect(value)}`);
});

test('tool calls in another key order come out in schema order, and the input is left alone', () => {
  const call = { duration_ms: 5, name: 'kb', success: true };
  const message = { id: 'm', conversation_id: 'c', role: 'tool', tools_called: [{ name: 'a' }, call] };
  const body = { messages: [message] };
  const out = validateBatchFast(body)!;
  assert.equal(
    JSON.stringify(out.messages![0].tools_called),
    '[{"name":"a"},{"name":"kb","success":true,"duration_ms":5}]',
  );
  assert.deepStrictEqual(out, IngestBatchSchema.parse(body));
  assert.equal(Object.keys(message.tools_called[1])[0], 'duration_ms');
  assert.equal(body.messages[0], message);
});

test('the batch item cap counts all the lists together', () => {
  const half = LIMITS.itemsPerBatch / 2;
  const conversations = Array.from({ length: half }, (_, i) => ({ id: `c${i}` }));
  const evaluations = Array.from({ length: half }, (_, i) => ({ id: `e${i}`, message_id: 'm' }));
  check({ conversations, evaluations }, false, 'at the cap');
  assert.ok(validateBatchFast({ conversations, evaluations }));
  check({ conversations, evaluations, models: [{ model_id: 'x' }] }, false, 'one over the cap');
  assert.equal(validateBatchFast({ conversations, evaluations, models: [{ model_id: 'x' }] }), undefined);
  const result = { id: 'r', benchmark_id: 'b', run_id: 'r1', model_id: 'm', item_id: 'i' };
  const over = { conversations, evaluations, benchmark_results: [result] };
  check(over, false, 'one result over the cap');
  assert.equal(validateBatchFast(over), undefined);
});

test('present-but-undefined keys are kept, absent ones stay absent, as zod does', () => {
  const body = { messages: undefined, conversations: [{ id: 'c', user_id: undefined }] };
  const out = validateBatchFast(body)!;
  assert.deepStrictEqual(out, IngestBatchSchema.parse(body));
  assert.ok('messages' in out && !('models' in out));
});

test('free-form JSON nested past the limit is an issue at its field, at any depth, without a stack overflow', () => {
  const fields: [path: string, body: (v: unknown) => unknown][] = [
    [
      'messages[0].metadata',
      (v) => ({ messages: [{ id: 'm', conversation_id: 'c', role: 'user', metadata: v }] }),
    ],
    ['models[0].metadata', (v) => ({ models: [{ model_id: 'x', metadata: v }] })],
    ['models[0].training_dataset', (v) => ({ models: [{ model_id: 'x', training_dataset: v }] })],
    ['models[0].evaluation_metrics', (v) => ({ models: [{ model_id: 'x', evaluation_metrics: v }] })],
  ];
  const tooDeep = `must not nest objects and arrays more than ${LIMITS.jsonDepth} levels deep`;
  for (const [path, body] of fields) {
    // `{}` is one level: exactly at the limit is valid, one more is not.
    assert.ok(validateBatchFast(body(deep(LIMITS.jsonDepth))), `${path} at the limit`);
    assert.deepEqual(issuesOf(body(deep(LIMITS.jsonDepth))), [], `${path} at the limit`);
    for (const levels of [LIMITS.jsonDepth + 1, 5_000, 100_000]) {
      for (const open of ['{', '['] as const) {
        const v = open === '[' ? { a: deep(levels - 1, '[') } : deep(levels);
        assert.equal(validateBatchFast(body(v)), undefined, `${path} ${levels} ${open}`);
        assert.deepEqual(issuesOf(body(v)), [`${path}: ${tooDeep}`], `${path} ${levels} ${open}`);
      }
    }
  }
});

test('NUL (\\u0000) is an issue in every text field, metadata keys and values included', () => {
  const msg = { id: 'm', conversation_id: 'c', role: 'assistant' };
  const nul = 'a\u0000b';
  const cases: [path: string, body: unknown][] = [
    ['messages[0].id', { messages: [{ ...msg, id: nul }] }],
    ['messages[0].conversation_id', { messages: [{ ...msg, conversation_id: nul }] }],
    ['messages[0].content', { messages: [{ ...msg, content: `hello${nul}` }] }],
    ['messages[0].model_id', { messages: [{ ...msg, model_id: nul }] }],
    ['messages[0].provider', { messages: [{ ...msg, provider: nul }] }],
    ['messages[0].error_type', { messages: [{ ...msg, error_type: nul }] }],
    ['messages[0].tools_called[0].name', { messages: [{ ...msg, tools_called: [{ name: nul }] }] }],
    ['messages[0].metadata', { messages: [{ ...msg, metadata: { [nul]: 1 } }] }],
    ['messages[0].metadata', { messages: [{ ...msg, metadata: { k: [{ v: nul }] } }] }],
    ['conversations[0].id', { conversations: [{ id: nul }] }],
    ['conversations[0].user_id', { conversations: [{ id: 'c', user_id: nul }] }],
    ['conversations[0].session_id', { conversations: [{ id: 'c', session_id: nul }] }],
    ['conversations[0].experiment_name', { conversations: [{ id: 'c', experiment_name: nul }] }],
    ['models[0].model_id', { models: [{ model_id: nul }] }],
    ['models[0].name', { models: [{ model_id: 'x', name: nul }] }],
    ['models[0].base_model', { models: [{ model_id: 'x', base_model: nul }] }],
    ['models[0].training_dataset', { models: [{ model_id: 'x', training_dataset: nul }] }],
    ['models[0].evaluation_metrics', { models: [{ model_id: 'x', evaluation_metrics: { [nul]: 0.5 } }] }],
    ['evaluations[0].id', { evaluations: [{ id: nul, message_id: 'm' }] }],
    ['evaluations[0].message_id', { evaluations: [{ id: 'e', message_id: nul }] }],
    ['evaluations[0].evaluator_id', { evaluations: [{ id: 'e', message_id: 'm', evaluator_id: nul }] }],
    [
      'evaluations[0].failure_tags[1]',
      { evaluations: [{ id: 'e', message_id: 'm', failure_tags: ['ok', nul] }] },
    ],
  ];
  for (const [path, body] of cases) {
    assert.equal(validateBatchFast(body), undefined, path);
    assert.deepEqual(issuesOf(body), [`${path}: must not contain the NUL character (\\u0000)`], path);
  }
});
