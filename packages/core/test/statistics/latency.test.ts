// Tests the latency comparisons: type-7 quantiles, the seeded cluster bootstrap and the Mann–Whitney rank test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapQuantileDifference } from '../../src/statistics/bootstrapQuantileDifference.ts';
import { mannWhitney } from '../../src/statistics/mannWhitney.ts';
import { sampleQuantile } from '../../src/statistics/sampleQuantile.ts';
import { seededRandom } from '../../src/statistics/seededRandom.ts';
import { assertClose, oracle } from './oracle.ts';
import { variates } from './randomVariates.ts';

const singles = (xs: number[]) => xs.map((x) => [x]);

test("sample quantiles are Hyndman–Fan type 7 (R's default): quantile(1:10, .95) = 9.55", () => {
  const ten = Array.from({ length: 10 }, (_, i) => i + 1);
  assertClose(sampleQuantile(ten, 0.95), 9.55, 1e-14, 'p95');
  assert.equal(sampleQuantile(ten, 0.5), 5.5);
  assert.equal(sampleQuantile([1, 3, 7, 15], 0.5), 5);
  assert.equal(sampleQuantile([4], 0.95), 4);
  assert.ok(Number.isNaN(sampleQuantile([], 0.5)));
});

test('bootstrap of the median: deterministic per seed, SE near the asymptotic √(π/2)·σ/√n, detects a shift', () => {
  const r = variates(7);
  const a = Array.from({ length: 2000 }, () => r.normal(100, 10));
  const b = Array.from({ length: 2000 }, () => r.normal(100, 10));
  const opts = { quantile: 0.5, resamples: 400, seed: 3 };
  const e = bootstrapQuantileDifference(singles(a), singles(b), opts);
  assert.deepEqual(bootstrapQuantileDifference(singles(a), singles(b), opts), e, 'same seed, same result');
  assert.notDeepEqual(bootstrapQuantileDifference(singles(a), singles(b), { ...opts, seed: 4 }).ci, e.ci);
  // Var(median) ≈ πσ²/(2n) for normal data (Kendall & Stuart), so SE of the difference is 10·√(π/2000).
  const theory = 10 * Math.sqrt(Math.PI / 2000);
  assert.ok(Math.abs(e.standard_error! / theory - 1) < 0.15, `bootstrap SE ${e.standard_error} vs ${theory}`);
  assert.ok(e.ci![0] < e.difference! && e.difference! < e.ci![1]);
  assert.match(
    e.method,
    /difference of median: percentile bootstrap over conversations \(400 resamples, seed 3\)/,
  );

  const shifted = bootstrapQuantileDifference(singles(a), singles(b.map((x) => x + 5)), opts);
  assert.ok(shifted.ci![0] > 0, 'a 5 ms shift of the median is detected');
  assert.equal(shifted.p_value, 0);
});

test('bootstrap of p95 resamples whole conversations: correlated messages widen the interval', () => {
  const r = variates(11);
  // 300 conversations of 10 messages sharing a conversation-level latency level.
  const conv = () =>
    Array.from({ length: 300 }, () => {
      const level = r.normal(1000, 300);
      return Array.from({ length: 10 }, () => level + r.normal(0, 50));
    });
  const c = conv();
  const v = conv();
  const opts = { quantile: 0.95, resamples: 300 };
  const clustered = bootstrapQuantileDifference(c, v, opts);
  const naive = bootstrapQuantileDifference(singles(c.flat()), singles(v.flat()), opts);
  assert.equal(clustered.control_n, 300);
  assert.equal(naive.control_n, 3000);
  assert.ok(
    clustered.standard_error! > 2 * naive.standard_error!,
    `clustered SE ${clustered.standard_error} should exceed twice the per-message SE ${naive.standard_error}`,
  );
  assert.match(clustered.method, /difference of p95/);
});

/** The bootstrap done the plain way: draw clusters, pool their values, sort, take the quantile (same draws). */
function naiveBootstrap(c: number[][], v: number[][], q: number, resamples: number, seed: number): number[] {
  const next = seededRandom(seed);
  const resample = (arm: number[][]) => {
    const pooled: number[] = [];
    for (let i = 0; i < arm.length; i++) pooled.push(...arm[Math.floor(next() * arm.length)]);
    return sampleQuantile(
      pooled.sort((x, y) => x - y),
      q,
    );
  };
  const diffs: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const dv = resample(v);
    diffs.push(dv - resample(c));
  }
  return diffs.sort((x, y) => x - y);
}

test('the weighted-walk bootstrap equals resampling, pooling and sorting with the same draws', () => {
  const r = variates(21);
  const arm = () =>
    Array.from({ length: 60 }, () =>
      Array.from({ length: 1 + Math.floor(r.uniform() * 8) }, () => Math.round(r.normal(800, 200))),
    );
  const c = arm();
  const v = arm();
  for (const q of [0.05, 0.5, 0.9, 0.95, 0.99, 1]) {
    const e = bootstrapQuantileDifference(c, v, { quantile: q, resamples: 300, seed: 9 });
    const diffs = naiveBootstrap(c, v, q, 300, 9);
    assertClose(e.ci![0], sampleQuantile(diffs, 0.025), 1e-12, `q = ${q} low`);
    assertClose(e.ci![1], sampleQuantile(diffs, 0.975), 1e-12, `q = ${q} high`);
    assertClose(
      e.difference!,
      sampleQuantile(
        v.flat().sort((x, y) => x - y),
        q,
      ) -
        sampleQuantile(
          c.flat().sort((x, y) => x - y),
          q,
        ),
      1e-12,
      'd',
    );
  }
});

test('bootstrap edge cases: fewer than two conversations, identical variants, bad quantile', () => {
  assert.equal(bootstrapQuantileDifference([[1, 2, 3]], [[4], [5]], { quantile: 0.5 }).ci, null);
  assert.equal(bootstrapQuantileDifference([[], [1]], [[4], [5]], { quantile: 0.5 }).p_value, null);
  const xs = singles([5, 9, 12, 20, 31, 40, 41, 60]);
  const same = bootstrapQuantileDifference(xs, xs, { quantile: 0.5, resamples: 200 });
  assert.equal(same.difference, 0);
  assert.ok(same.ci![0] <= 0 && same.ci![1] >= 0);
  assert.throws(() => bootstrapQuantileDifference(xs, xs, { quantile: 1.5 }), RangeError);
});

/** U by counting pairs (independent of ranking), the tie-corrected variance from the tie groups. */
function directMannWhitney(control: number[], variant: number[]) {
  let u = 0;
  for (const v of variant) for (const c of control) u += v > c ? 1 : v === c ? 0.5 : 0;
  const n0 = control.length;
  const n1 = variant.length;
  const n = n0 + n1;
  const counts = new Map<number, number>();
  for (const x of [...control, ...variant]) counts.set(x, (counts.get(x) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t ** 3 - t;
  const variance = ((n0 * n1) / 12) * (n + 1 - ties / (n * (n - 1)));
  const z = (Math.abs(u - (n0 * n1) / 2) - 0.5) / Math.sqrt(variance);
  return { u, p: 2 * oracle.normalSf(z) };
}

test("Mann–Whitney: R's wilcox.test example W = 35, and p against a pair-counting computation with ties", () => {
  // R documentation, wilcox.test: x = permeability after, y = before; W = 35.
  const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
  const y = [1.15, 0.88, 0.9, 0.74, 1.21];
  const r = mannWhitney(y, x);
  assert.equal(r.u, 35);
  assertClose(r.p_value!, directMannWhitney(y, x).p, 1e-12, 'p');
  assert.equal(r.common_language_effect, 35 / 50);

  const withTies = [3, 3, 4, 5, 5, 5, 8, 9, 9, 12];
  const others = [1, 3, 5, 5, 6, 9, 9, 9, 10, 14, 14, 2];
  const t = mannWhitney(withTies, others);
  const d = directMannWhitney(withTies, others);
  assert.equal(t.u, d.u);
  assertClose(t.p_value!, d.p, 1e-12, 'tie-corrected p');
  assert.match(t.method, /tie and continuity correction/);
});

test('Mann–Whitney edge cases: empty side, all values tied, a clear shift', () => {
  assert.equal(mannWhitney([], [1, 2]).p_value, null);
  assert.equal(mannWhitney([4, 4, 4], [4, 4]).p_value, 1);
  const r = variates(5);
  const a = Array.from({ length: 500 }, () => r.normal(0, 1));
  const b = Array.from({ length: 500 }, () => r.normal(0.5, 1));
  const shift = mannWhitney(a, b);
  assert.ok(shift.p_value! < 1e-10 && shift.z > 0);
  assertClose(shift.p_value!, directMannWhitney(a, b).p, 1e-9, 'large-sample p');
});
