// The reader pool lends an idle connection at once and, when all are busy, the first one given back: a query
// never waits behind a long one while another connection is free.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Pool } from '../../src/store/Pool.ts';

/** A task holding its item until `release()` is called. */
function hold(pool: Pool<string>, got: string[]) {
  let release!: () => void;
  const done = pool.use(async (item) => {
    got.push(item);
    await new Promise<void>((r) => {
      release = r;
    });
  });
  return { done, release: () => release() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('Pool', () => {
  it('lends every idle item before anyone waits, then the first item given back', async () => {
    const pool = new Pool(['a', 'b']);
    const got: string[] = [];
    const long = hold(pool, got);
    const short = hold(pool, got);
    await tick();
    assert.deepEqual([...got].sort(), ['a', 'b']);
    const third = hold(pool, got);
    await tick();
    assert.equal(got.length, 2, 'a third caller waits while both are busy');
    const shortItem = got[1];
    short.release();
    await short.done;
    await tick();
    assert.equal(got.length, 3, 'the waiting caller gets the item the short task gave back');
    assert.equal(got[2], shortItem);
    long.release();
    third.release();
    await Promise.all([long.done, third.done]);
  });

  it('gives the item back when the task fails', async () => {
    const pool = new Pool(['only']);
    await assert.rejects(
      pool.use(async () => {
        throw new Error('query failed');
      }),
      /query failed/,
    );
    assert.equal(await pool.use(async (item) => item), 'only');
  });
});
