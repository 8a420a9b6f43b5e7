// Tests the statistics of the benchmark analysis — Wilson interval, t interval of a mean, paired t-test, exact
// McNemar — against published values and independent computations (stdlib distributions, exact BigInt sums).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mcnemarExact } from '../../src/statistics/mcnemarExact.ts';
import { meanInterval } from '../../src/statistics/meanInterval.ts';
import { pairedTTest } from '../../src/statistics/pairedTTest.ts';
import { wilsonInterval } from '../../src/statistics/wilsonInterval.ts';
import { assertClose, oracle } from './oracle.ts';

const sums = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((a, b) => a + b, 0),
  sumSquares: xs.reduce((a, b) => a + b * b, 0),
});

test('Wilson: the roots of (p̂ − p)² = z²·p(1 − p)/n, with z from the oracle normal quantile', () => {
  for (const [x, n] of [
    [0, 1],
    [1, 1],
    [0, 10],
    [10, 10],
    [3, 10],
    [81, 263],
    [999, 1000],
    [5000, 100000],
  ]) {
    const z = oracle.normalQuantile(0.975);
    const p = x / n;
    // n(p̂ − p)² = z²p(1 − p)  ⇔  (n + z²)p² − (2np̂ + z²)p + np̂² = 0
    const a = n + z * z;
    const b = -(2 * n * p + z * z);
    const c = n * p * p;
    const disc = Math.sqrt(b * b - 4 * a * c);
    const [lo, hi] = wilsonInterval(x, n)!;
    assert.ok(Math.abs(lo - (-b - disc) / (2 * a)) < 1e-12, `lower ${x}/${n}`);
    assert.ok(Math.abs(hi - (-b + disc) / (2 * a)) < 1e-12, `upper ${x}/${n}`);
    assert.ok(lo >= 0 && hi <= 1);
  }
  assert.equal(wilsonInterval(0, 0), null);
});

test('mean interval: x̄ ± t(0.975, n − 1)·s/√n with the oracle t quantile; none below two values', () => {
  const xs = [0.2, 0.9, 0.4, 0.75, 0.1, 0.66, 0.5];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  const half = (oracle.tQuantile(0.975, xs.length - 1) * sd) / Math.sqrt(xs.length);
  const m = meanInterval(sums(xs));
  assertClose(m.mean!, mean, 1e-12, 'mean');
  assertClose(m.sd!, sd, 1e-10, 'sd');
  assertClose(m.ci![0], mean - half, 1e-9, 'lower');
  assertClose(m.ci![1], mean + half, 1e-9, 'upper');
  assert.deepEqual(meanInterval(sums([0.5])), { mean: 0.5, sd: null, ci: null });
  assert.deepEqual(meanInterval(sums([])), { mean: null, sd: null, ci: null });
  const constant = meanInterval(sums([0.3, 0.3, 0.3]));
  assert.equal(constant.sd, 0);
});

test("paired t: R's t.test(drug2, drug1, paired = TRUE) on `sleep`: t = 4.0621, df = 9, p = 0.002833", () => {
  const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  const t = pairedTTest(sums(drug2.map((v, i) => v - drug1[i])));
  assertClose(t.mean_difference!, 1.58, 1e-12, 'mean difference');
  assert.equal(t.ci![0].toFixed(7), '0.7001142');
  assert.equal(t.ci![1].toFixed(7), '2.4598858');
  assert.equal(t.p_value!.toFixed(6), '0.002833');
  // And against the oracle t distribution directly.
  const d = drug2.map((v, i) => v - drug1[i]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
  assertClose(t.p_value!, 2 * oracle.tSf(mean / (sd / Math.sqrt(d.length)), d.length - 1), 1e-9, 'p');
  assert.deepEqual(pairedTTest(sums([0.2, 0.2])).p_value, 0);
  assert.deepEqual(pairedTTest(sums([0, 0, 0])).p_value, 1);
  assert.equal(pairedTTest(sums([1])).p_value, null);
});

/** 2·Σ_{i ≤ min(b,c)} C(b+c, i) / 2^(b+c), exactly in BigInt, then to a double. */
function exactMcNemar(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let coef = 1n;
  let tail = 0n;
  for (let i = 0; i <= Math.min(b, c); i++) {
    if (i > 0) coef = (coef * BigInt(n - i + 1)) / BigInt(i);
    tail += coef;
  }
  const total = 1n << BigInt(n);
  // 2·tail/total as a double, keeping 60 bits of the ratio.
  const scaled = (2n * tail * (1n << 60n)) / total;
  return Math.min(1, Number(scaled) / 2 ** 60);
}

test('McNemar exact: 2·P(X ≤ min(b, c)), X ~ Bin(b + c, ½), against exact BigInt sums', () => {
  for (const [b, c] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [3, 3],
    [0, 10],
    [2, 11],
    [15, 4],
    [40, 60],
    [120, 200],
    [500, 620],
  ]) {
    const got = mcnemarExact(b, c);
    const want = exactMcNemar(b, c);
    assert.ok(Math.abs(got - want) <= 1e-10 * Math.max(want, 1e-300) + 1e-15, `${b}/${c}: ${got} vs ${want}`);
  }
  // The textbook case: 10 discordant pairs all one way, p = 2/1024.
  assert.equal(mcnemarExact(0, 10), 2 / 1024);
  assert.throws(() => mcnemarExact(-1, 2), RangeError);
});
