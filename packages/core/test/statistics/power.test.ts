// Tests the sample size per variant against R's power.prop.test and the normal formula, and the ETA.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleEta } from '../../src/statistics/sampleEta.ts';
import { sampleSizePerVariant } from '../../src/statistics/sampleSizePerVariant.ts';
import { oracle } from './oracle.ts';

test("proportions: R's power.prop.test(p1 = .5, p2 = .75, power = .9) gives n = 76.7 → 77", () => {
  // R documentation example of power.prop.test (n = 76.7 per group).
  assert.equal(
    sampleSizePerVariant({ kind: 'proportion', baseline: 0.5, minEffect: 0.25 }, { power: 0.9 }),
    77,
  );
});

test('proportions at 80% power and α = 0.05 follow Fleiss’ formula with the oracle quantiles', () => {
  const za = oracle.normalQuantile(0.975);
  const zb = oracle.normalQuantile(0.8);
  for (const [p0, d] of [
    [0.3, 0.05],
    [0.05, 0.01],
    [0.9, 0.05],
    [0.98, 0.03],
  ]) {
    const p1 = p0 + d <= 1 ? p0 + d : p0 - d;
    const pbar = (p0 + p1) / 2;
    const n =
      (za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1))) ** 2 / d ** 2;
    assert.equal(
      sampleSizePerVariant({ kind: 'proportion', baseline: p0, minEffect: d }),
      Math.ceil(n),
      `${p0} ± ${d}`,
    );
  }
  // The textbook rule of thumb n ≈ 16·p(1−p)/δ² (Kohavi et al. 2020, ch. 17) is close.
  const n = sampleSizePerVariant({ kind: 'proportion', baseline: 0.3, minEffect: 0.05 })!;
  assert.ok(Math.abs(n / ((16 * 0.21) / 0.0025) - 1) < 0.05, `${n}`);
  assert.equal(sampleSizePerVariant({ kind: 'proportion', baseline: 0.3, minEffect: 0 }), null);
  assert.equal(sampleSizePerVariant({ kind: 'proportion', baseline: 0.5, minEffect: 0.7 }), null);
});

test("means: n = 2(z₀.₉₇₅ + z₀.₈)²σ²/δ² (d = 0.5: 63 per group; Cohen's t-based table says 64)", () => {
  const n = sampleSizePerVariant({ kind: 'mean', sd: 2, minEffect: 1 });
  assert.equal(n, Math.ceil((2 * (oracle.normalQuantile(0.975) + oracle.normalQuantile(0.8)) ** 2 * 4) / 1));
  assert.equal(n, 63);
  assert.throws(() => sampleSizePerVariant({ kind: 'mean', sd: 1, minEffect: 1 }, { power: 1 }), RangeError);
});

test('ETA: the slowest variant at its share of the daily traffic, rounded up to whole days', () => {
  const now = new Date('2026-01-10T00:00:00.000Z');
  const eta = sampleEta({
    neededPerVariant: 1000,
    currentPerVariant: [400, 700],
    dailyUnits: 100,
    split: [1, 1],
    now,
  });
  // Variant 0 needs 600 more at 50/day = 12 days.
  assert.deepEqual(eta, { remaining: 600, days: 12, eta: '2026-01-22T00:00:00.000Z' });
  const uneven = sampleEta({
    neededPerVariant: 1000,
    currentPerVariant: [0, 0],
    dailyUnits: 100,
    split: [0.9, 0.1],
    now,
  });
  assert.equal(uneven.days, 100, 'the 10% arm gets 10 a day');
  const done = sampleEta({
    neededPerVariant: 10,
    currentPerVariant: [12, 30],
    dailyUnits: 0,
    split: [1, 1],
    now,
  });
  assert.deepEqual(done, { remaining: 0, days: 0, eta: now.toISOString() });
  const stalled = sampleEta({
    neededPerVariant: 10,
    currentPerVariant: [2, 3],
    dailyUnits: 0,
    split: [1, 1],
    now,
  });
  assert.deepEqual(stalled, { remaining: 8, days: null, eta: null });
  assert.throws(() =>
    sampleEta({ neededPerVariant: 1, currentPerVariant: [1], dailyUnits: 1, split: [1, 1], now }),
  );
});
