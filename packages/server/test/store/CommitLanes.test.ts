// Commit lanes: independent commits overlap, dependent ones (a shared key) run one after the other, a transaction
// runs alone between them, and admission keeps arrival order, so nothing overtakes an earlier commit it depends on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CommitLanes } from '../../src/store/duckdb/CommitLanes.ts';

const conns = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as DuckDBConnection);
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Runs commits (by their keys) at once; returns the event log and the most that ran together. */
async function simulate(lanes: CommitLanes, commits: string[][]) {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  await Promise.all(
    commits.map((keys, i) =>
      lanes.run(new Set(keys), async () => {
        running++;
        most = Math.max(most, running);
        log.push(`start ${i}`);
        await tick();
        log.push(`end ${i}`);
        running--;
      }),
    ),
  );
  return { log, most };
}

describe('CommitLanes', () => {
  it('runs independent commits side by side, up to the number of connections', async () => {
    const { most } = await simulate(new CommitLanes(conns(2)), [['a'], ['b'], ['c']]);
    assert.equal(most, 2);
  });

  it('runs a commit sharing a key after the earlier one ends, and keeps later ones behind it', async () => {
    const { log } = await simulate(new CommitLanes(conns(2)), [['a', 'x'], ['x'], ['b']]);
    assert.ok(log.indexOf('start 1') > log.indexOf('end 0'), log.join(', '));
    assert.ok(log.indexOf('start 2') > log.indexOf('start 1'), `arrival order: ${log.join(', ')}`);
  });

  it('frees the lane when a commit fails', async () => {
    const lanes = new CommitLanes(conns(1));
    await assert.rejects(
      lanes.run(new Set(['a']), async () => {
        throw new Error('boom');
      }),
    );
    assert.equal(await lanes.run(new Set(['a']), async () => 'ok'), 'ok');
    await lanes.idle();
  });

  it('runs a transaction alone: after the commits admitted before it, before the ones arriving later', async () => {
    const lanes = new CommitLanes(conns(2));
    const log: string[] = [];
    let running = 0;
    const step = async (name: string) => {
      running++;
      log.push(`start ${name}${running > 1 ? ' (overlapping)' : ''}`);
      await tick();
      running--;
      log.push(`end ${name}`);
    };
    await Promise.all([
      lanes.run(new Set(['a']), () => step('a')),
      lanes.run(new Set(['b']), () => step('b')),
      lanes.runAlone(() => step('tx')),
      lanes.run(new Set(['c']), () => step('c')),
      lanes.run(new Set(['d']), () => step('d')),
    ]);
    const at = (e: string) => log.findIndex((x) => x.startsWith(e));
    assert.ok(at('start tx') > at('end a') && at('start tx') > at('end b'), log.join(', '));
    assert.ok(at('start c') > at('end tx') && at('start d') > at('end tx'), log.join(', '));
    assert.ok(at('start d') > 0);
    assert.ok(!log.includes('start tx (overlapping)'), log.join(', '));
    assert.ok(log.includes('start d (overlapping)'), `commits after it still overlap: ${log.join(', ')}`);
  });

  it('admits commits again after a transaction fails', async () => {
    const lanes = new CommitLanes(conns(1));
    await assert.rejects(
      lanes.runAlone(async () => {
        throw new Error('boom');
      }),
    );
    assert.equal(await lanes.run(new Set(['a']), async () => 'ok'), 'ok');
  });
});
