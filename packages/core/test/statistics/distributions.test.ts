// Tests the normal, Student t and χ² distributions against stdlib, into the far tails and at small df.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquare } from '../../src/statistics/chiSquare.ts';
import { logGamma } from '../../src/statistics/logGamma.ts';
import { normal } from '../../src/statistics/normal.ts';
import { regularizedBeta } from '../../src/statistics/regularizedBeta.ts';
import { studentT } from '../../src/statistics/studentT.ts';
import { assertClose, oracle } from './oracle.ts';

const Z = [-37, -20, -12, -8.3, -6.36, -5, -3, -1.96, -1, -0.3, 0, 0.01, 0.7, 1.645, 2.5, 4, 6.36, 9];
const P = [
  1e-300,
  1e-100,
  1e-20,
  1e-10,
  1e-6,
  0.001,
  0.025,
  0.05,
  0.2,
  0.5,
  0.6,
  0.8,
  0.975,
  0.999,
  1 - 1e-10,
];
const DF = [0.5, 1, 1.5, 2, 3, 4.5, 7, 10, 17.776, 30, 100, 1000, 1e6];

test('normal CDF and upper tail match stdlib to 1e-13 relative, including Φ(−37) ≈ 5.7e-300', () => {
  for (const z of Z) {
    assertClose(normal.cdf(z), oracle.normalCdf(z), 1e-13, `Φ(${z})`);
    assertClose(normal.sf(z), oracle.normalSf(z), 1e-13, `1−Φ(${z})`);
  }
  // A&S 26.2 table values: Φ(1.96) = 0.9750021048517795, 1 − Φ(6) = 9.865876450376946e-10.
  assertClose(normal.cdf(1.96), 0.9750021048517795, 1e-15, 'Φ(1.96)');
  assertClose(normal.sf(6), 9.865876450376946e-10, 1e-12, '1−Φ(6)');
});

test("normal quantile inverts stdlib's CDF to 1e-12 from p = 1e-300 to 1 − 1e-10, and matches its quantile", () => {
  for (const p of P) {
    const z = normal.quantile(p);
    // Round trip through the oracle's CDF, on the side where the tail is small (stdlib's own quantile is only
    // good to ~2e-9 relative at p = 1e-10, so it is compared more loosely below).
    if (p < 0.5) assertClose(oracle.normalCdf(z), p, 1e-12, `Φ(Φ⁻¹(${p}))`);
    else assertClose(oracle.normalSf(z), 1 - p, 1e-6, `1−Φ(Φ⁻¹(${p}))`);
    assertClose(z, oracle.normalQuantile(p), 1e-8, `Φ⁻¹(${p})`);
  }
  assert.equal(normal.quantile(0), Number.NEGATIVE_INFINITY);
  assert.equal(normal.quantile(1), Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(normal.quantile(1.5)));
  assert.equal(normal.quantile(0.975).toFixed(6), '1.959964');
});

test('Student t CDF and tail match stdlib to 1e-10 relative at small and large df, tails included', () => {
  const T = [-1e6, -3000, -50, -9.4, -3, -1, -0.1, 0, 0.25, 1.5, 2.2, 6, 40, 1e4];
  for (const df of DF)
    for (const t of T) {
      assertClose(studentT.cdf(t, df), oracle.tCdf(t, df), 1e-10, `F(${t}; ${df})`);
      assertClose(studentT.sf(t, df), oracle.tSf(t, df), 1e-10, `1−F(${t}; ${df})`);
    }
  assert.equal(studentT.cdf(1.3, Number.POSITIVE_INFINITY), normal.cdf(1.3));
  // Closed form at ν = 1 (Cauchy): F(t) = ½ + atan(t)/π.
  assertClose(studentT.cdf(2, 1), 0.5 + Math.atan(2) / Math.PI, 1e-15, 'Cauchy');
});

test("Student t quantile inverts stdlib's CDF to 1e-10 and matches its quantile to 1e-9, p down to 1e-10, df down to 0.5", () => {
  for (const df of DF)
    for (const p of [1e-10, 1e-6, 0.001, 0.025, 0.1, 0.4, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10]) {
      const t = studentT.quantile(p, df);
      if (p < 0.5) assertClose(oracle.tCdf(t, df), p, 1e-10, `F(t(${p}); ${df})`);
      assertClose(t, oracle.tQuantile(p, df), 1e-9, `t(${p}; ${df})`);
    }
  // Published: t_{0.975, 10} = 2.228139, t_{0.975, 1} = 12.7062 (Student-t tables, e.g. A&S table 26.10).
  assert.equal(studentT.quantile(0.975, 10).toFixed(6), '2.228139');
  assert.equal(studentT.quantile(0.975, 1).toFixed(4), '12.7062');
});

test('χ² CDF and upper tail match stdlib, p-values down to 1e-10 and below keep 1e-12 relative', () => {
  for (const k of [1, 2, 3, 5, 10, 29, 100])
    for (const x of [1e-6, 0.01, 0.5, 1, 3.84, 6.63, 10.83, 22.77, 41.6, 60, 150, 400]) {
      assertClose(chiSquare.cdf(x, k), oracle.chiSquareCdf(x, k), 1e-12, `F(${x}; ${k})`);
      assertClose(chiSquare.sf(x, k), oracle.chiSquareSf(x, k), 1e-12, `1−F(${x}; ${k})`);
    }
  // Published critical values (χ² tables): P(χ²₁ > 3.841459) = 0.05, P(χ²₁ > 10.82757) = 0.001.
  assertClose(chiSquare.sf(3.841458820694124, 1), 0.05, 1e-12, 'χ²₁ 5%');
  assertClose(chiSquare.sf(10.827566170662733, 1), 0.001, 1e-12, 'χ²₁ 0.1%');
});

test('ln Γ and I_x(a, b) on known values', () => {
  assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'ln Γ(½)');
  assertClose(logGamma(10), Math.log(362880), 1e-14, 'ln 9!');
  assertClose(logGamma(171), 706.5730622457874, 1e-13, 'ln 170!');
  // I_x(a, 1) = x^a; I_x(1, b) = 1 − (1−x)^b; symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  assertClose(regularizedBeta(0.3, 2.5, 1), 0.3 ** 2.5, 1e-13, 'I(a,1)');
  assertClose(regularizedBeta(0.3, 1, 4), 1 - 0.7 ** 4, 1e-13, 'I(1,b)');
  assertClose(regularizedBeta(0.2, 3, 7) + regularizedBeta(0.8, 7, 3), 1, 1e-14, 'symmetry');
});
