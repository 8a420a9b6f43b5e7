// The id filter never forgets an id (no false negatives) and keeps false positives near its 1% design rate.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdFilter } from '../../src/store/IdFilter.ts';

describe('IdFilter', () => {
  it('has no false negatives while growing through several layers', () => {
    const f = new IdFilter(1000);
    for (let i = 0; i < 50_000; i++) f.add(`ws\u0000id-${i}`);
    for (let i = 0; i < 50_000; i++) assert.ok(f.mightContain(`ws\u0000id-${i}`), `lost id-${i}`);
    assert.equal(f.count, 50_000);
  });

  it('keeps the false-positive rate low', () => {
    const f = new IdFilter(10_000);
    for (let i = 0; i < 100_000; i++) f.add(`a-${i}`);
    let fp = 0;
    for (let i = 0; i < 100_000; i++) if (f.mightContain(`b-${i}`)) fp++;
    assert.ok(fp / 100_000 < 0.05, `false-positive rate ${fp / 1000}%`);
  });

  it('separates workspaces: the same id in another workspace is a different key', () => {
    const f = new IdFilter();
    f.add('team-a\u0000m1');
    assert.equal(f.mightContain('team-b\u0000m1'), false);
  });
});
