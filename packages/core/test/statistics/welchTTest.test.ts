// Tests Welch's t-test against R's published output on the sleep data and an independent computation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeSample } from '../../src/statistics/summarizeSample.ts';
import { welchTTest } from '../../src/statistics/welchTTest.ts';
import { assertClose, oracle } from './oracle.ts';

// Cushny & Peebles' sleep data (R's `sleep`): extra hours of sleep under drug 1 and drug 2.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

test("R's t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939, CI [−3.3654832, 0.2054832]", () => {
  // Published in R's documentation and countless textbooks (Welch Two Sample t-test on `sleep`).
  const e = welchTTest(summarizeSample(drug2), summarizeSample(drug1));
  assertClose(e.difference!, -1.58, 1e-12, 'difference');
  assert.equal(e.ci![0].toFixed(7), '-3.3654832');
  assert.equal(e.ci![1].toFixed(7), '0.2054832');
  assert.equal(e.p_value!.toFixed(5), '0.07939');
  assert.match(e.method, /df = 17\.8/);
  assertClose(e.difference! / e.standard_error!, -1.860813, 1e-6, 't');
});

test('matches a direct Welch computation with the oracle t distribution, unequal n and variances', () => {
  const c = { n: 12, mean: 10.2, variance: 4.1 };
  const v = { n: 40, mean: 11.0, variance: 16.3 };
  const e = welchTTest(c, v);
  const a = 4.1 / 12;
  const b = 16.3 / 40;
  const se = Math.sqrt(a + b);
  const df = (a + b) ** 2 / (a ** 2 / 11 + b ** 2 / 39);
  assertClose(e.p_value!, 2 * oracle.tSf(0.8 / se, df), 1e-12, 'p');
  const half = oracle.tQuantile(0.975, df) * se;
  assertClose(e.ci![0], 0.8 - half, 1e-9, 'low');
  assertClose(e.ci![1], 0.8 + half, 1e-9, 'high');
  assertClose(e.relative_difference!, 0.8 / 10.2, 1e-12, 'relative');
});

test('edge cases: one unit per side, identical variants, no variance, huge samples, bad input', () => {
  const one = welchTTest({ n: 1, mean: 3, variance: 0 }, { n: 1, mean: 4, variance: 0 });
  assert.equal(one.ci, null, 'one conversation per variant has no variance: no interval');
  assert.equal(one.p_value, null);
  assert.equal(one.variant_n, 1);

  const same = welchTTest(summarizeSample(drug1), summarizeSample(drug1));
  assert.equal(same.difference, 0);
  assert.equal(same.p_value, 1);

  const flat = welchTTest({ n: 5, mean: 2, variance: 0 }, { n: 5, mean: 2, variance: 0 });
  assert.deepEqual([flat.ci, flat.p_value], [[0, 0], 1]);
  const flatDiff = welchTTest({ n: 5, mean: 2, variance: 0 }, { n: 5, mean: 3, variance: 0 });
  assert.deepEqual([flatDiff.ci, flatDiff.p_value], [[1, 1], 0]);

  const huge = welchTTest(
    { n: 5_000_000, mean: 100, variance: 400 },
    { n: 5_000_000, mean: 100.1, variance: 400 },
  );
  const se = Math.sqrt(800 / 5_000_000);
  // Equal n and variances: Welch's df is 2n − 2.
  assertClose(huge.p_value!, 2 * oracle.tSf(0.1 / se, 9_999_998), 1e-9, 'huge n');
  assert.ok(huge.ci![0] > 0);

  assert.throws(
    () => welchTTest({ n: 3, mean: 1, variance: -1 }, { n: 3, mean: 1, variance: 1 }),
    RangeError,
  );
  assert.throws(
    () => welchTTest({ n: 2.5, mean: 1, variance: 1 }, { n: 3, mean: 1, variance: 1 }),
    RangeError,
  );
});

test('summarizeSample: Welford keeps the variance of large values exact where Σx² − n·x̄² would not', () => {
  const s = summarizeSample([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
  assert.equal(s.n, 4);
  assert.equal(s.mean, 1e9 + 10);
  assert.equal(s.variance, 30);
  assert.deepEqual(summarizeSample([]), { n: 0, mean: 0, variance: 0 });
  assert.deepEqual(summarizeSample([5]), { n: 1, mean: 5, variance: 0 });
});
