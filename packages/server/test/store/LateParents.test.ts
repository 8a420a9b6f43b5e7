// The writer's memory of where a late conversation's children are: a bound that only ever widens when keys
// share an entry, and "anywhere" whenever it does not know.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ANYWHERE, CARRIERS, LateParents } from '../../src/store/duckdb/LateParents.ts';

const { messages, evaluations, tool_calls } = CARRIERS;

it('remembers the first commit and every table that wrote children, once', () => {
  const late = new LateParents();
  late.noteMissing(1, 2, 7, messages);
  late.noteMissing(1, 2, 9, tool_calls);
  assert.deepEqual(late.take(1, 2), { since: 7, tables: messages | tool_calls });
  assert.deepEqual(
    late.take(1, 2),
    ANYWHERE,
    'taken: a later arrival is a re-send, whose children are anywhere',
  );
});

it('keeps the least commit when a later-numbered commit noted first (two lanes commit out of order)', () => {
  const late = new LateParents();
  late.noteMissing(1, 2, 9, messages);
  late.noteMissing(1, 2, 4, evaluations);
  assert.deepEqual(late.take(1, 2), { since: 4, tables: messages | evaluations });
});

it('keys equal in their 53 bits share a bound that holds for both', () => {
  const late = new LateParents();
  const high = 0x1fffff; // the bits of w1 the key keeps
  late.noteMissing(5, 3, 20, messages);
  late.noteMissing(5, 3 + (high + 1), 10, evaluations); // differs only above the kept bits
  assert.deepEqual(late.take(5, 3), { since: 10, tables: messages | evaluations });
  assert.deepEqual(late.take(5, 3 + (high + 1)), ANYWHERE, 'the shared entry is gone: scan everything');
});

it('forgets the oldest past its capacity, which then reads as anywhere', () => {
  const late = new LateParents(2);
  late.noteMissing(1, 0, 1, messages);
  late.noteMissing(2, 0, 2, messages);
  late.noteMissing(3, 0, 3, messages);
  assert.equal(late.size, 2);
  assert.deepEqual(late.take(1, 0), ANYWHERE);
  assert.deepEqual(late.take(3, 0), { since: 3, tables: messages });
});

it('knows nothing of conversations it never saw', () => {
  assert.deepEqual(new LateParents().take(42, 42), ANYWHERE);
});
