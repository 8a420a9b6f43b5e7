// Tests the Holm and Benjamini–Hochberg adjustments against hand-computed and brute-force values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benjaminiHochberg } from '../../src/statistics/benjaminiHochberg.ts';
import { holmAdjust } from '../../src/statistics/holmAdjust.ts';
import { variates } from './randomVariates.ts';

const round = (xs: (number | null)[]) => xs.map((x) => (x === null ? null : Number(x.toFixed(10))));

test('Holm: p.adjust(c(.01,.02,.03,.04,.05), "holm") = .05 .08 .09 .09 .09, in any input order, nulls kept', () => {
  // (m−i+1)·p₍ᵢ₎ = .05 .08 .09 .08 .05, then the running maximum.
  assert.deepEqual(round(holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05])), [0.05, 0.08, 0.09, 0.09, 0.09]);
  assert.deepEqual(round(holmAdjust([0.04, null, 0.01, 0.05, 0.03, 0.02])), [
    0.09,
    null,
    0.05,
    0.09,
    0.09,
    0.08,
  ]);
  assert.deepEqual(holmAdjust([0.6, 0.7]), [1, 1], 'capped at 1');
  assert.deepEqual(holmAdjust([]), []);
  assert.deepEqual(holmAdjust([0.03]), [0.03]);
});

test('BH: p.adjust(c(.01,.02,.03,.04,.05), "BH") = .05 ×5; (.001,.008,.039,.041,.042,.06,.074,.205) example', () => {
  assert.deepEqual(round(benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05])), [0.05, 0.05, 0.05, 0.05, 0.05]);
  // m·p/i = .008 .032 .104 .082 .0672 .08 .0846 .205 → running minimum from the top.
  assert.deepEqual(
    round(benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205])),
    [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0845714286, 0.205],
  );
  assert.deepEqual(benjaminiHochberg([null, 0.2]), [null, 0.2]);
});

test('both agree with their brute-force definitions on random families', () => {
  const r = variates(99);
  for (let trial = 0; trial < 50; trial++) {
    const p = Array.from({ length: 1 + Math.floor(r.uniform() * 12) }, () => r.uniform() ** 3);
    const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
    const m = p.length;
    const holm = holmAdjust(p);
    const bh = benjaminiHochberg(p);
    order.forEach((idx, i) => {
      const h = Math.min(1, Math.max(...order.slice(0, i + 1).map((j, k) => (m - k) * p[j])));
      const b = Math.min(1, ...order.slice(i).map((j, k) => (m * p[j]) / (i + k + 1)));
      assert.ok(Math.abs(holm[idx]! - h) < 1e-15 && Math.abs(bh[idx]! - b) < 1e-15);
    });
  }
});
