// Tests the delta-method ratio comparison against a direct per-cluster computation and its special cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterSums } from '../../src/statistics/clusterSums.ts';
import { compareRatios } from '../../src/statistics/compareRatios.ts';
import { summarizeSample } from '../../src/statistics/summarizeSample.ts';
import { assertClose, oracle } from './oracle.ts';

/** Var(R) from the textbook form (s²ₓ − 2R·sₓᵧ + R²·s²ᵧ)/(k·ȳ²), centred sample moments: independent of the code. */
function deltaVariance(pairs: [number, number][]): number {
  const k = pairs.length;
  const xbar = pairs.reduce((s, p) => s + p[0], 0) / k;
  const ybar = pairs.reduce((s, p) => s + p[1], 0) / k;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of pairs) {
    sxx += (x - xbar) ** 2;
    syy += (y - ybar) ** 2;
    sxy += (x - xbar) * (y - ybar);
  }
  const r = xbar / ybar;
  return (sxx / (k - 1) - 2 * r * (sxy / (k - 1)) + r * r * (syy / (k - 1))) / (k * ybar * ybar);
}

// [errors, messages] per conversation.
const control: [number, number][] = [
  [0, 3],
  [1, 5],
  [0, 2],
  [4, 9],
  [0, 1],
  [2, 4],
  [1, 7],
  [0, 3],
];
const variant: [number, number][] = [
  [1, 2],
  [3, 6],
  [2, 2],
  [0, 4],
  [5, 10],
  [1, 1],
  [2, 8],
];

test('delta-method variance, interval and p-value match the centred-moment formula', () => {
  const e = compareRatios(clusterSums(control), clusterSums(variant));
  const r0 = 8 / 34;
  const r1 = 14 / 33;
  assertClose(e.control_value!, r0, 1e-14, 'control ratio');
  assertClose(e.value!, r1, 1e-14, 'variant ratio');
  const se = Math.sqrt(deltaVariance(control) + deltaVariance(variant));
  assertClose(e.standard_error!, se, 1e-12, 'se');
  assertClose(e.p_value!, 2 * oracle.normalSf((r1 - r0) / se), 1e-10, 'p');
  const half = oracle.normalQuantile(0.975) * se;
  assertClose(e.ci![1], r1 - r0 + half, 1e-12, 'high');
  assert.equal(e.control_n, 8);
  assert.equal(e.variant_n, 7);
  assert.match(e.method, /delta-method variance over conversations/);
  assert.match(
    compareRatios(clusterSums(control), clusterSums(variant), { unit: 'user' }).method,
    /over users/,
  );
});

test('with one message per conversation the ratio is a mean with variance s²/k', () => {
  const a = [3, 5, 8, 1, 9, 4];
  const b = [6, 7, 2, 9, 9, 8, 5];
  const e = compareRatios(
    clusterSums(a.map((x) => [x, 1] as const)),
    clusterSums(b.map((x) => [x, 1] as const)),
  );
  const sa = summarizeSample(a);
  const sb = summarizeSample(b);
  assertClose(e.standard_error!, Math.sqrt(sa.variance / a.length + sb.variance / b.length), 1e-12, 'se');
  assertClose(e.difference!, sb.mean - sa.mean, 1e-12, 'difference');
});

test('edge cases: one conversation per variant, no messages, identical variants, constant rates, huge sums', () => {
  const single = compareRatios(clusterSums([[1, 4]]), clusterSums([[2, 4]]));
  assert.equal(single.ci, null, 'one conversation has no between-conversation variance');
  assert.equal(single.variant_n, 1);
  const noMessages = compareRatios(
    clusterSums([
      [0, 0],
      [0, 0],
    ]),
    clusterSums(variant),
  );
  assert.equal(noMessages.p_value, null);
  const same = compareRatios(clusterSums(control), clusterSums(control));
  assert.equal(same.difference, 0);
  assert.equal(same.p_value, 1);
  // Every conversation has the same rate: the variance is 0 and the difference exact.
  const flat = compareRatios(
    clusterSums([
      [1, 2],
      [3, 6],
    ]),
    clusterSums([
      [1, 4],
      [2, 8],
    ]),
  );
  assert.deepEqual(flat.ci, [-0.25, -0.25]);
  assert.equal(flat.p_value, 0);
  // 10⁶ conversations × ~1000 tokens: the sums form gives the centred result.
  const big0: [number, number][] = [];
  const big1: [number, number][] = [];
  for (let i = 0; i < 1_000_000; i++) {
    const m = 1 + (i % 7);
    big0.push([m * 1000 + (i % 13) * 10, m]);
    big1.push([m * 1000 + (i % 11) * 10 + 3, m]);
  }
  const big = compareRatios(clusterSums(big0), clusterSums(big1));
  assertClose(big.standard_error!, Math.sqrt(deltaVariance(big0) + deltaVariance(big1)), 1e-6, 'huge sums');
  assert.throws(
    () => compareRatios({ ...clusterSums(control), clusters: -1 }, clusterSums(variant)),
    RangeError,
  );
  assert.throws(
    () => compareRatios({ ...clusterSums(control), sumX: Number.NaN }, clusterSums(variant)),
    RangeError,
  );
});
