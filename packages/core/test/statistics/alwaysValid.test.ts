// Tests the mixture-SPRT always-valid interval and p-value against a direct evaluation of the mixture ratio.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alwaysValid } from '../../src/statistics/alwaysValid.ts';
import { compareProportions } from '../../src/statistics/compareProportions.ts';
import { welchTTest } from '../../src/statistics/welchTTest.ts';
import { assertClose } from './oracle.ts';

/** Λ(θ₀) by numerically integrating the normal likelihood ratio over the N(0, τ²) mixture (no closed form used). */
function mixtureRatio(d: number, se: number, tau: number, theta0: number): number {
  const pdf = (x: number, m: number, s: number) =>
    Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
  let num = 0;
  const steps = 20_000;
  const h = (16 * tau) / steps;
  for (let i = 0; i <= steps; i++) {
    const theta = theta0 - 8 * tau + i * h;
    const w = i === 0 || i === steps ? 0.5 : 1;
    num += w * h * pdf(d, theta, se) * pdf(theta, theta0, tau);
  }
  return num / pdf(d, theta0, se);
}

test('p = 1/Λ(0) and the interval ends where Λ(θ₀) = 1/α, Λ integrated numerically', () => {
  const fixed = compareProportions({ successes: 300, trials: 1000 }, { successes: 360, trials: 1000 });
  const tau = 0.05;
  const seq = alwaysValid(fixed, { tau });
  const se = fixed.standard_error!;
  const d = fixed.difference!;
  assertClose(seq.p_value!, Math.min(1, 1 / mixtureRatio(d, se, tau, 0)), 1e-6, 'p');
  assertClose(mixtureRatio(d, se, tau, seq.ci![0]), 20, 1e-6, 'Λ at the lower end');
  assertClose(mixtureRatio(d, se, tau, seq.ci![1]), 20, 1e-6, 'Λ at the upper end');
  assert.match(seq.method, /always-valid mixture SPRT \(τ = 0\.05\)/);
  assert.equal(seq.difference, fixed.difference, 'the point estimate is unchanged');
});

test('always-valid intervals are wider than fixed-horizon ones, narrow as n grows, and cover means too', () => {
  const fixed = welchTTest({ n: 400, mean: 10, variance: 25 }, { n: 400, mean: 10.9, variance: 25 });
  const seq = alwaysValid(fixed, { tau: 1 });
  assert.ok(seq.ci![0] < fixed.ci![0] && seq.ci![1] > fixed.ci![1]);
  assert.ok(seq.p_value! > fixed.p_value!);
  const later = alwaysValid(
    welchTTest({ n: 40_000, mean: 10, variance: 25 }, { n: 40_000, mean: 10.9, variance: 25 }),
    {
      tau: 1,
    },
  );
  assert.ok(later.ci![1] - later.ci![0] < (seq.ci![1] - seq.ci![0]) / 5);
  assert.ok(later.p_value! < 1e-10);
});

test('edge cases: no estimate, zero variance, zero successes on both sides, bad τ', () => {
  const none = alwaysValid(compareProportions({ successes: 0, trials: 0 }, { successes: 0, trials: 5 }), {
    tau: 0.1,
  });
  assert.deepEqual([none.ci, none.p_value], [null, null]);
  const flat = alwaysValid(welchTTest({ n: 3, mean: 1, variance: 0 }, { n: 3, mean: 1, variance: 0 }), {
    tau: 1,
  });
  assert.deepEqual([flat.ci, flat.p_value], [[0, 0], 1]);
  const zeros = alwaysValid(compareProportions({ successes: 0, trials: 40 }, { successes: 0, trials: 40 }), {
    tau: 0.05,
  });
  assert.equal(zeros.p_value, 1);
  assert.ok(
    zeros.ci![0] < 0 && zeros.ci![1] > 0,
    'all-or-nothing samples keep an interval (Agresti–Caffo SE)',
  );
  const est = compareProportions({ successes: 1, trials: 4 }, { successes: 2, trials: 4 });
  assert.throws(() => alwaysValid(est, { tau: 0 }), RangeError);
});
