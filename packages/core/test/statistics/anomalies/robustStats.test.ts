// Checks the robust statistics and the scores against hand-computed values and stdlib's distributions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import gammainc from '@stdlib/math-base-special-gammainc';
import { median } from '../../../src/statistics/anomalies/median.ts';
import { MAD_SCALE, robustSpread } from '../../../src/statistics/anomalies/robustSpread.ts';
import { scoreSeries } from '../../../src/statistics/anomalies/scoreSeries.ts';
import { seriesGrid } from '../../../src/statistics/anomalies/seriesGrid.ts';
import type { AnomalyBucket } from '../../../src/statistics/anomalies/types.ts';
import { weightedMedian } from '../../../src/statistics/anomalies/weightedMedian.ts';
import { oracle } from '../oracle.ts';
import { variates } from '../randomVariates.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

test('median and MAD match hand-computed values; 1.4826 is 1/Φ⁻¹(¾)', () => {
  // Sorted 1 1 2 3 4 5 6 9 → median (3+4)/2 = 3.5; |x − 3.5| sorted 0.5 0.5 1.5 1.5 2.5 2.5 2.5 5.5 → MAD 2.
  const r = robustSpread([3, 1, 4, 1, 5, 9, 2, 6]);
  assert.equal(r.median, 3.5);
  assert.equal(r.mad, 2);
  assert.equal(r.sigma, 2 * 1.4826);
  assert.equal(median([7, -2, 100]), 7);
  assert.ok(Number.isNaN(median([])));
  assert.ok(Math.abs(MAD_SCALE - 1 / oracle.normalQuantile(0.75)) < 1e-4);
  // One wild value moves neither: the breakdown point that lets a past incident sit in the baseline.
  assert.deepEqual(robustSpread([10, 11, 12, 13, 1e9]), { median: 12, mad: 1, sigma: 1.4826 });
});

test('1.4826·MAD estimates σ of a normal sample (10,000 draws, within 3 %)', () => {
  const r = variates(11);
  const xs = Array.from({ length: 10_000 }, () => r.normal(50, 7));
  const s = robustSpread(xs).sigma;
  assert.ok(Math.abs(s - 7) / 7 < 0.03, `sigma ${s}`);
});

test('weighted median: equal weights give the median, heavy weights win, zero weights are ignored', () => {
  assert.equal(weightedMedian([0.1, 0.5, 0.9], [1, 1, 1]), 0.5);
  assert.equal(weightedMedian([0.1, 0.5, 0.9, 0.7], [1, 1, 1, 1]), 0.6);
  // Cumulative 1, 2, 12 of 12: half (6) is first exceeded at 0.9.
  assert.equal(weightedMedian([0.1, 0.5, 0.9], [1, 1, 10]), 0.9);
  assert.equal(weightedMedian([0.2, 0.8, 0.4], [0, 5, 0]), 0.8);
  assert.ok(Number.isNaN(weightedMedian([1], [0])));
});

function constantRate(days: number, p: number, trials: number, last: { successes: number; trials: number }) {
  const out: AnomalyBucket[] = [];
  for (let i = 0; i < days; i++)
    out.push({ start: T0 + i * DAY, value: null, successes: Math.round(p * trials), trials });
  out.push({ start: T0 + days * DAY, value: null, ...last });
  return out;
}

test('rate score: Anscombe arcsine z against a hand computation; band inverts it', () => {
  // A flat 80 % over 2,000 trials a day: residuals are pure rounding, so τ² = 0 and z is the binomial part.
  const buckets = constantRate(35, 0.8, 2000, { successes: 1400, trials: 2000 });
  const metric = { id: 'success_rate', kind: 'rate', bad: 'drop', scale: 100 } as const;
  const scored = scoreSeries(seriesGrid(buckets, 'day', 'rate'), 'day', metric, 4);
  const last = scored.at(-1)!;
  const y = Math.asin(Math.sqrt((1400 + 0.375) / (2000 + 0.75)));
  const yc = Math.asin(Math.sqrt(0.8));
  const z = (y - yc) * 2 * Math.sqrt(2000);
  assert.ok(Math.abs(last.score - z) < 1e-9, `${last.score} vs ${z}`);
  assert.ok(last.score < -10);
  assert.equal(last.expected, 80);
  assert.equal(last.baseline, 'day_of_week');
  const half = 4 / (2 * Math.sqrt(2000));
  assert.ok(Math.abs(last.low - 100 * Math.sin(yc - half) ** 2) < 1e-9);
  // The same 10-point drop over 10 trials is well inside its band.
  const small = scoreSeries(
    seriesGrid(constantRate(35, 0.8, 2000, { successes: 7, trials: 10 }), 'day', 'rate'),
    'day',
    metric,
    4,
  );
  assert.equal(small.at(-1), null, 'below 30 trials a bucket is not judged');
});

test('volume score is calibrated against the exact Poisson tail (stdlib gammainc)', () => {
  // For a flat series the band's edges at z = ±3 should hold about Φ(−3) = 0.135 % of Poisson(c) in each tail.
  for (const c of [12, 30, 100, 1000]) {
    const buckets: AnomalyBucket[] = Array.from({ length: 35 }, (_, i) => ({
      start: T0 + i * DAY,
      value: c,
    }));
    const metric = { id: 'messages', kind: 'volume', bad: 'both', scale: 1 } as const;
    const s = scoreSeries(seriesGrid(buckets, 'day', 'volume'), 'day', metric, 3).at(-1)!;
    const lowK = Math.floor(s.low);
    const highK = Math.ceil(s.high);
    // P(X ≤ k) = Q(k+1, λ) and P(X ≥ k) = P(k, λ), the regularized incomplete gamma.
    const lowTail = gammainc(c, lowK + 1, true, true);
    const highTail = gammainc(c, highK, true, false);
    assert.ok(lowTail > 0.0002 && lowTail < 0.004, `c=${c}: P(X ≤ ${lowK}) = ${lowTail}`);
    assert.ok(highTail > 0.0002 && highTail < 0.004, `c=${c}: P(X ≥ ${highK}) = ${highTail}`);
    // And the score of an observed count is Anscombe's, by hand.
    const z = 2 * Math.sqrt(s.value + 0.375) - 2 * Math.sqrt(c + 0.375);
    assert.ok(Math.abs(s.score - z) < 1e-12);
  }
});

test('mean score: (x − c) / (1.4826·MAD of residuals), floored at 1 % of the level', () => {
  // Day-of-week pattern repeats exactly, plus ±5 alternating: residuals against the seasonal median are known.
  const buckets: AnomalyBucket[] = [];
  for (let i = 0; i < 42; i++)
    buckets.push({ start: T0 + i * DAY, value: 1000 + 10 * (i % 7) + (i % 2 ? 50 : -50) });
  buckets.push({ start: T0 + 42 * DAY, value: 2000 });
  const metric = { id: 'latency_p95', kind: 'mean', bad: 'rise', scale: 1 } as const;
  const scored = scoreSeries(seriesGrid(buckets, 'day', 'mean'), 'day', metric, 4);
  const last = scored.at(-1)!;
  // Independent recomputation of the same definition from the raw values (T0 is a Monday: days 5, 6 are weekend).
  const value = (i: number) => buckets[i].value as number;
  const weekend = (i: number) => i % 7 >= 5;
  const centerAt = (i: number): { c: number; trailing: boolean } | null => {
    const weekly = [1, 2, 3, 4, 5, 6].map((k) => i - 7 * k).filter((j) => j >= 0);
    if (weekly.length >= 3) return { c: median(weekly.map(value)), trailing: false };
    const sameKind: number[] = [];
    for (let k = 1; k <= 14 && i - k >= 0 && sameKind.length < 6; k++)
      if (weekend(i - k) === weekend(i)) sameKind.push(i - k);
    if (sameKind.length >= 3) return { c: median(sameKind.map(value)), trailing: false };
    return null; // (the trailing baseline's residuals are kept apart and do not enter this spread)
  };
  const residuals: number[] = [];
  for (let j = 0; j < 42; j++) {
    const b = centerAt(j);
    if (b) residuals.push(value(j) - b.c);
  }
  const sigma = robustSpread(residuals).sigma;
  const c = centerAt(42)!.c;
  assert.ok(residuals.length >= 30);
  assert.equal(last.expected, c);
  assert.ok(Math.abs(last.score - (2000 - c) / Math.max(sigma, 0.01 * c)) < 1e-9);
});

test('log-scale means: band c·e^{±Ts} (low·high = c²); a bucket with fewer measurements than usual gets a wider band', () => {
  const r = variates(3);
  const buckets: AnomalyBucket[] = [];
  for (let i = 0; i < 60; i++)
    buckets.push({ start: T0 + i * DAY, value: 1500 * Math.exp(r.normal(0, 0.05)), n: 400 });
  buckets.push({ start: T0 + 60 * DAY, value: 1500, n: 400 });
  buckets.push({ start: T0 + 61 * DAY, value: 1500, n: 25 });
  const log = { id: 'latency_p95', kind: 'mean', bad: 'rise', scale: 1, log: true } as const;
  const scored = scoreSeries(seriesGrid(buckets, 'day', 'mean'), 'day', log, 4);
  const [full, small] = [scored.at(-2)!, scored.at(-1)!];
  assert.ok(Math.abs((full.low * full.high) / full.expected ** 2 - 1) < 1e-12);
  // ln(high/c) = 4·s with s ≈ 0.05 (the noise put in), and √(400/25) = 4 times wider for 25 measurements.
  const s = Math.log(full.high / full.expected) / 4;
  assert.ok(s > 0.035 && s < 0.07, `s = ${s}`);
  const sSmall = Math.log(small.high / small.expected) / 4;
  assert.ok(Math.abs(sSmall / s - 4) < 0.5, `${sSmall / s}`);
  // Below 10 measurements a mean is not judged.
  buckets.push({ start: T0 + 62 * DAY, value: 9000, n: 9 });
  assert.equal(scoreSeries(seriesGrid(buckets, 'day', 'mean'), 'day', log, 4).at(-1), null);
});
