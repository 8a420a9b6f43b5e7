// assignVariant: the documented hash (vectors from an independent Python implementation of the README's
// algorithm), determinism, the split over 10,000 ids against equal and unequal weights (χ² goodness of fit),
// independence between experiments, and refusals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquare, sampleRatioMismatch } from '@llm-analytics/core';
import { assignVariant, variantHash } from '../src/assignVariant.ts';

test('variantHash matches the reference vectors (FNV-1a over UTF-8, then fmix32)', () => {
  // Python: h = 0x811c9dc5; for b in s.encode(): h = ((h ^ b) * 0x01000193) & 0xffffffff; then fmix32.
  assert.equal(variantHash(''), 2872998923);
  assert.equal(variantHash('a'), 444641715);
  assert.equal(variantHash('exp:u-1'), 2998834414);
  assert.equal(variantHash('prompt v2:user-42'), 2589108037);
  assert.equal(variantHash('é:ü'), 2959027447);
});

test('the same user always gets the same variant; the mapping follows u = hash / 2³² against the weights', () => {
  for (let i = 0; i < 200; i++) {
    const v = assignVariant('exp', `u-${i}`, ['a', 'b', 'c']);
    assert.equal(assignVariant('exp', `u-${i}`, ['a', 'b', 'c']), v);
    const u = variantHash(`exp:u-${i}`) / 2 ** 32;
    assert.equal(v, u < 1 / 3 ? 'a' : u < 2 / 3 ? 'b' : 'c');
  }
  assert.equal(assignVariant('exp', 'x', ['only']), 'only');
  assert.equal(assignVariant('exp', 'x', ['a', 'b'], [0, 1]), 'b');
});

function counts(experiment: string, variants: string[], weights?: number[]): number[] {
  const n = variants.map(() => 0);
  for (let i = 0; i < 10_000; i++)
    n[variants.indexOf(assignVariant(experiment, `user-${i}`, variants, weights))]++;
  return n;
}

test('10,000 sequential ids split as planned (χ² p > 0.001), equal and weighted', () => {
  for (const [variants, weights] of [
    [
      ['a', 'b'],
      [1, 1],
    ],
    [
      ['a', 'b', 'c', 'd'],
      [1, 1, 1, 1],
    ],
    [
      ['control', 'treatment'],
      [0.9, 0.1],
    ],
    [
      ['a', 'b', 'c'],
      [5, 3, 2],
    ],
  ] as [string[], number[]][]) {
    const observed = counts('checkout', variants, weights);
    const srm = sampleRatioMismatch(observed, weights);
    assert.ok(!srm.mismatch, `${observed} against ${weights}: p = ${srm.p_value}`);
  }
  // And a broken split is caught by the same check: the test can fail.
  assert.ok(sampleRatioMismatch(counts('checkout', ['a', 'b']), [0.6, 0.4]).mismatch);
});

test('two experiments split the same users independently (2×2 χ² p > 0.001)', () => {
  const table = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < 10_000; i++) {
    const x = assignVariant('one', `user-${i}`, [0, 1].map(String)) === '1' ? 1 : 0;
    const y = assignVariant('two', `user-${i}`, [0, 1].map(String)) === '1' ? 1 : 0;
    table[x][y]++;
  }
  const rows = table.map((r) => r[0] + r[1]);
  const cols = [table[0][0] + table[1][0], table[0][1] + table[1][1]];
  let stat = 0;
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const e = (rows[i] * cols[j]) / 10_000;
      stat += (table[i][j] - e) ** 2 / e;
    }
  assert.ok(chiSquare.sf(stat, 1) > 0.001, `χ² = ${stat}`);
});

test('refuses no variants, mismatched or invalid weights', () => {
  assert.throws(() => assignVariant('e', 'u', []), RangeError);
  assert.throws(() => assignVariant('e', 'u', ['a', 'b'], [1]), RangeError);
  assert.throws(() => assignVariant('e', 'u', ['a', 'b'], [0, 0]), RangeError);
  assert.throws(() => assignVariant('e', 'u', ['a', 'b'], [1, -1]), RangeError);
  assert.throws(() => assignVariant('e', 'u', ['a', 'b'], [1, Number.NaN]), RangeError);
});
