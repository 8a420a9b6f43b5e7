// Simulates A/A and A/B experiments (seeded) to show the tests keep their error rates and power.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alwaysValid } from '../../src/statistics/alwaysValid.ts';
import { clusterSums } from '../../src/statistics/clusterSums.ts';
import { compareProportions } from '../../src/statistics/compareProportions.ts';
import { compareRatios } from '../../src/statistics/compareRatios.ts';
import { sampleSizePerVariant } from '../../src/statistics/sampleSizePerVariant.ts';
import { welchTTest } from '../../src/statistics/welchTTest.ts';
import { variates } from './randomVariates.ts';

const RUNS = 1000;
const excludesZero = (ci: [number, number] | null) => ci !== null && (ci[0] > 0 || ci[1] < 0);

test('A/A, fixed horizon: false-positive rate 5% ± 2% over 1,000 runs (proportions and Welch)', (t) => {
  const r = variates(2026);
  let propHits = 0;
  let meanHits = 0;
  for (let run = 0; run < RUNS; run++) {
    const e = compareProportions(
      { successes: r.binomial(1000, 0.3), trials: 1000 },
      { successes: r.binomial(1000, 0.3), trials: 1000 },
    );
    if (e.p_value! < 0.05) propHits++;
    // Skewed per-conversation values (exp of a normal: like tokens or cost), unequal arm sizes.
    const a = Array.from({ length: 80 }, () => Math.exp(r.normal(0, 0.5)));
    const b = Array.from({ length: 120 }, () => Math.exp(r.normal(0, 0.5)));
    const w = welchTTest(summary(a), summary(b));
    if (w.p_value! < 0.05) meanHits++;
  }
  t.diagnostic(`false positives: proportions ${propHits}/${RUNS}, Welch ${meanHits}/${RUNS}`);
  for (const hits of [propHits, meanHits])
    assert.ok(hits >= 30 && hits <= 70, `${hits}/1000 outside 5% ± 2%`);
});

test('A/A with daily peeking (30 looks): always-valid intervals stay ≤ 5%, fixed-horizon ones do not', (t) => {
  // Monte-Carlo margin: over 1,000 runs the standard error of a rate near 5% is 0.7 points, so the bound
  // asserted is 5% + 1 point.
  const r = variates(7);
  let seqProp = 0;
  let naiveProp = 0;
  let seqMean = 0;
  for (let run = 0; run < RUNS; run++) {
    let x0 = 0;
    let x1 = 0;
    let n = 0;
    const m0 = { n: 0, s: 0, ss: 0 };
    const m1 = { n: 0, s: 0, ss: 0 };
    let seqHit = false;
    let naiveHit = false;
    let seqMeanHit = false;
    for (let day = 0; day < 30; day++) {
      x0 += r.binomial(100, 0.3);
      x1 += r.binomial(100, 0.3);
      n += 100;
      const fixed = compareProportions({ successes: x0, trials: n }, { successes: x1, trials: n });
      if (excludesZero(fixed.ci)) naiveHit = true;
      if (excludesZero(alwaysValid(fixed, { tau: 0.05 }).ci)) seqHit = true;
      for (let i = 0; i < 20; i++) {
        add(m0, r.normal(5, 2));
        add(m1, r.normal(5, 2));
      }
      const means = welchTTest(moments(m0), moments(m1));
      if (excludesZero(alwaysValid(means, { tau: 0.5 }).ci)) seqMeanHit = true;
    }
    if (seqHit) seqProp++;
    if (naiveHit) naiveProp++;
    if (seqMeanHit) seqMean++;
  }
  t.diagnostic(
    `any-look false positives over 30 looks: sequential proportions ${seqProp}/${RUNS}, sequential means ` +
      `${seqMean}/${RUNS}, fixed-horizon intervals peeked daily ${naiveProp}/${RUNS}`,
  );
  assert.ok(seqProp <= 60, `sequential proportions ${seqProp}/1000`);
  assert.ok(seqMean <= 60, `sequential means ${seqMean}/1000`);
  assert.ok(
    naiveProp > 100,
    `peeking at fixed-horizon intervals should inflate errors well past 5%: ${naiveProp}`,
  );
});

test('a true 5-point lift (30% → 35%) at the computed sample has 80% power; with enough traffic ≥ 80%', (t) => {
  const n = sampleSizePerVariant({ kind: 'proportion', baseline: 0.3, minEffect: 0.05 })!;
  const r = variates(35);
  const power = (size: number) => {
    let hits = 0;
    for (let run = 0; run < RUNS; run++) {
      const e = compareProportions(
        { successes: r.binomial(size, 0.3), trials: size },
        { successes: r.binomial(size, 0.35), trials: size },
      );
      if (e.ci![0] > 0) hits++;
    }
    return hits / RUNS;
  };
  const atN = power(n);
  const more = power(Math.ceil(1.25 * n));
  t.diagnostic(`n = ${n} per variant: power ${atN}; at 1.25·n: ${more}`);
  assert.ok(
    Math.abs(atN - 0.8) <= 0.03,
    `power at the computed n ${atN} (80% ± 3 points Monte-Carlo margin)`,
  );
  assert.ok(more >= 0.8, `power with enough traffic ${more}`);
});

test('clustered messages: the conversation-level delta-method test keeps ~5%, a per-message test does not', (t) => {
  // Each conversation has its own success rate, 10% or 90% (intra-conversation correlation 0.64), and 1–19
  // messages; both arms come from the same process, so every rejection is a false positive.
  const r = variates(64);
  const arm = () =>
    Array.from({ length: 200 }, () => {
      const rate = r.uniform() < 0.5 ? 0.1 : 0.9;
      const messages = 1 + Math.floor(r.uniform() * 19);
      return [r.binomial(messages, rate), messages] as [number, number];
    });
  let clustered = 0;
  let naive = 0;
  for (let run = 0; run < RUNS; run++) {
    const a = arm();
    const b = arm();
    if (compareRatios(clusterSums(a), clusterSums(b)).p_value! < 0.05) clustered++;
    const total = (xs: [number, number][]) => ({
      successes: xs.reduce((s, c) => s + c[0], 0),
      trials: xs.reduce((s, c) => s + c[1], 0),
    });
    if (compareProportions(total(a), total(b)).p_value! < 0.05) naive++;
  }
  t.diagnostic(
    `false positives: conversation-level ${clustered}/${RUNS}, naive per-message ${naive}/${RUNS}`,
  );
  assert.ok(clustered >= 30 && clustered <= 70, `conversation-level ${clustered}/1000 outside 5% ± 2%`);
  assert.ok(naive > 200, `the per-message test should be far above 5%: ${naive}/1000`);
});

function summary(xs: number[]) {
  const m = { n: 0, s: 0, ss: 0 };
  for (const x of xs) add(m, x);
  return moments(m);
}

function add(m: { n: number; s: number; ss: number }, x: number): void {
  m.n += 1;
  m.s += x;
  m.ss += x * x;
}

function moments(m: { n: number; s: number; ss: number }) {
  const mean = m.s / m.n;
  return { n: m.n, mean, variance: (m.ss - m.n * mean * mean) / (m.n - 1) };
}
