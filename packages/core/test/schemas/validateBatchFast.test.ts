// Tests that validateBatchFast accepts exactly what IngestBatchSchema accepts and returns the same data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { IngestBatchSchema, LIMITS } from '../../src/schemas/ingest.ts';
import { validateBatchFast } from '../../src/schemas/validateBatchFast.ts';
import { BatchGen, TestRng } from './randomBatch.ts';

type Batch = ReturnType<typeof validateBatchFast>;

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
    // Guards the generator itself: a mix where one verdict dominates would test little.
    assert.ok(accepted > cases * 0.15 && accepted < cases * 0.85, `seed ${seed}: ${accepted}/${cases} valid`);
  }
});

test('single-field boundaries on an otherwise valid message', () => {
  const base = { id: 'm', conversation_id: 'c', role: 'assistant' };
  const values: unknown[] = [
    ...[-1, 0, 1, 1.5, 2147483647, 2147483648, Number.NaN, Infinity, -0, null, undefined, '1'],
    ...['', 'x', 'x'.repeat(256), 'x'.repeat(257), true, {}, []],
    ...['\ud800', 'a\udc00', '\u{1f600}', '\u{1f600}'.repeat(256), { k: '\ud800' }, { '\ud800': 1 }],
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

test('the batch item cap counts all four lists together', () => {
  const half = LIMITS.itemsPerBatch / 2;
  const conversations = Array.from({ length: half }, (_, i) => ({ id: `c${i}` }));
  const evaluations = Array.from({ length: half }, (_, i) => ({ id: `e${i}`, message_id: 'm' }));
  check({ conversations, evaluations }, false, 'at the cap');
  assert.ok(validateBatchFast({ conversations, evaluations }));
  check({ conversations, evaluations, models: [{ model_id: 'x' }] }, false, 'one over the cap');
  assert.equal(validateBatchFast({ conversations, evaluations, models: [{ model_id: 'x' }] }), undefined);
});

test('present-but-undefined keys are kept, absent ones stay absent, as zod does', () => {
  const body = { messages: undefined, conversations: [{ id: 'c', user_id: undefined }] };
  const out = validateBatchFast(body)!;
  assert.deepStrictEqual(out, IngestBatchSchema.parse(body));
  assert.ok('messages' in out && !('models' in out));
});
