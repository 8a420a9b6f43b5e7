// The writer's memory of which tables hold a late conversation's rows: known only from a first reference,
// widened by later ones, and "every table" whenever it does not know.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CARRIERS, EVERY_CARRIER, LateParents } from '../../src/store/duckdb/LateParents.ts';

const { messages, evaluations, tool_calls } = CARRIERS;

it('remembers every table that the first and later commits wrote rows in, once', () => {
  const late = new LateParents();
  late.firstReference(1, 2, messages);
  late.widen(1, 2, tool_calls);
  assert.equal(late.take(1, 2), messages | tool_calls);
  assert.equal(
    late.take(1, 2),
    EVERY_CARRIER,
    'taken: a later arrival is a re-send, whose rows are anywhere',
  );
});

it('a conversation whose first reference it did not see stays unknown, however often it is widened', () => {
  const late = new LateParents();
  late.widen(3, 4, evaluations);
  assert.equal(late.take(3, 4), EVERY_CARRIER);
});

it('keys differing only in the second word are different conversations', () => {
  const late = new LateParents();
  late.firstReference(5, 3, messages);
  late.firstReference(5, 3 + 2 ** 21, messages | evaluations);
  assert.equal(late.take(5, 3), messages);
  assert.equal(late.take(5, 3 + 2 ** 21), messages | evaluations);
});

it('forgets the oldest past its capacity, which then reads as every table', () => {
  const late = new LateParents(2);
  late.firstReference(1, 0, messages);
  late.firstReference(2, 0, messages);
  late.firstReference(3, 0, messages);
  assert.equal(late.size, 2);
  assert.equal(late.take(1, 0), EVERY_CARRIER);
  assert.equal(late.take(3, 0), messages);
});

it('knows nothing of conversations it never saw', () => {
  assert.equal(new LateParents().take(42, 42), EVERY_CARRIER);
});
