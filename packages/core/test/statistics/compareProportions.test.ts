// Tests the difference of proportions against Newcombe's published intervals and an independent z-test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareProportions } from '../../src/statistics/compareProportions.ts';
import { assertClose, oracle } from './oracle.ts';

const s = (successes: number, trials: number) => ({ successes, trials });

test("Newcombe's hybrid score interval reproduces his Table II (method 10) to four decimals", () => {
  // R. G. Newcombe, Statistics in Medicine 17 (1998) 873–890, Table II, examples (a)–(h): x₁/n₁ − x₀/n₀.
  const published: [number, number, number, number, string, string][] = [
    [56, 70, 48, 80, '0.0524', '0.3339'],
    [9, 10, 3, 10, '0.1705', '0.8090'],
    [6, 7, 2, 7, '0.0582', '0.8062'],
    [5, 56, 0, 29, '-0.0381', '0.1926'],
    [0, 10, 0, 20, '-0.1611', '0.2775'],
    [0, 10, 0, 10, '-0.2775', '0.2775'],
    [10, 10, 0, 20, '0.6791', '1.0000'],
    [10, 10, 0, 10, '0.6075', '1.0000'],
  ];
  for (const [x1, n1, x0, n0, lo, hi] of published) {
    const e = compareProportions(s(x0, n0), s(x1, n1));
    assert.deepEqual(
      e.ci?.map((v) => v.toFixed(4)),
      [lo, hi],
      `${x1}/${n1} − ${x0}/${n0}`,
    );
  }
});

test('difference, relative difference, Wald interval and pooled z-test p against a direct computation', () => {
  const c = s(300, 1000);
  const v = s(345, 1000);
  const e = compareProportions(c, v);
  assertClose(e.difference!, 0.045, 1e-12, 'difference');
  assertClose(e.relative_difference!, 0.15, 1e-12, 'relative');
  const pbar = 645 / 2000;
  const z = 0.045 / Math.sqrt(pbar * (1 - pbar) * (2 / 1000));
  assertClose(e.p_value!, 2 * oracle.normalSf(z), 1e-12, 'p');
  const wald = compareProportions(c, v, { interval: 'wald' });
  const half = oracle.normalQuantile(0.975) * Math.sqrt((0.3 * 0.7 + 0.345 * 0.655) / 1000);
  assertClose(wald.ci![0], 0.045 - half, 1e-12, 'wald low');
  assertClose(wald.ci![1], 0.045 + half, 1e-12, 'wald high');
  assert.match(wald.method, /Wald/);
  assert.match(e.method, /Newcombe/);
  // A 99% interval is wider than the 95% one.
  const e99 = compareProportions(c, v, { alpha: 0.01 });
  assert.ok(e99.ci![0] < e.ci![0] && e99.ci![1] > e.ci![1]);
});

test('edge cases: zero successes, all successes, n = 1, identical variants, empty side, huge samples', () => {
  const zero = compareProportions(s(0, 50), s(0, 50));
  assert.equal(zero.difference, 0);
  assert.equal(zero.p_value, 1, 'no successes anywhere: no evidence of a difference');
  assert.ok(zero.ci![0] < 0 && zero.ci![1] > 0, 'the interval keeps a width at 0/50');
  assert.ok(zero.standard_error! > 0, 'Agresti–Caffo SE is never 0');
  assert.equal(zero.relative_difference, null, 'relative to a zero control is undefined');

  const all = compareProportions(s(40, 40), s(40, 40));
  assert.equal(all.p_value, 1);
  assert.ok(all.ci![0] < 0 && all.ci![1] > 0 && all.ci![1] <= 1 && all.ci![0] >= -1);

  const one = compareProportions(s(0, 1), s(1, 1));
  assert.equal(one.difference, 1);
  assert.ok(
    one.ci![0] > -1 && one.ci![0] < 0.5 && one.ci![1] === 1,
    'n = 1 gives a wide interval, not a point',
  );
  assertClose(one.p_value!, 2 * oracle.normalSf(1 / Math.sqrt(0.25 * 2)), 1e-12, 'n = 1 p');

  const same = compareProportions(s(123, 456), s(123, 456));
  assert.equal(same.difference, 0);
  assert.equal(same.p_value, 1);
  assertClose(same.ci![0], -same.ci![1], 1e-12, 'identical variants: symmetric interval around 0');

  const empty = compareProportions(s(0, 0), s(3, 10));
  assert.equal(empty.ci, null);
  assert.equal(empty.p_value, null);
  assert.equal(empty.control_n, 0);

  // 10⁸ units per arm: a 0.1-point difference is detected, the p-value is tiny but finite and exact in its tail.
  const huge = compareProportions(s(30_000_000, 100_000_000), s(30_100_000, 100_000_000));
  const pbar = 60_100_000 / 200_000_000;
  const z = 0.001 / Math.sqrt(pbar * (1 - pbar) * 2e-8);
  assertClose(huge.p_value!, 2 * oracle.normalSf(z), 1e-9, 'huge p');
  assert.ok(huge.ci![0] > 0);

  assert.throws(() => compareProportions(s(5, 4), s(1, 2)), RangeError);
  assert.throws(() => compareProportions(s(1.5, 4), s(1, 2)), RangeError);
  assert.throws(() => compareProportions(s(-1, 4), s(1, 2)), RangeError);
});
