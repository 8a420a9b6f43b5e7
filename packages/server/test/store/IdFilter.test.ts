// The id filter never forgets an id (no false negatives) and practically never reports an unseen id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdFilter } from '../../src/store/IdFilter.ts';

describe('IdFilter', () => {
  it('has no false negatives while growing many times', () => {
    const f = new IdFilter(1000);
    for (let i = 0; i < 50_000; i++) f.add(`ws\u0000id-${i}`);
    f.add('ws\u0000id-7'); // adding twice counts once
    for (let i = 0; i < 50_000; i++) assert.ok(f.mightContain(`ws\u0000id-${i}`), `lost id-${i}`);
    assert.equal(f.count, 50_000);
  });

  it('reports no unseen id among 200,000 (64-bit hashes)', () => {
    const f = new IdFilter(10_000);
    for (let i = 0; i < 100_000; i++) f.add(`a-${i}`);
    let fp = 0;
    for (let i = 0; i < 200_000; i++) if (f.mightContain(`b-${i}`)) fp++;
    assert.equal(fp, 0);
  });

  it('separates workspaces: the same id in another workspace is a different key', () => {
    const f = new IdFilter();
    f.add('team-a\u0000m1');
    assert.equal(f.mightContain('team-b\u0000m1'), false);
  });
});
