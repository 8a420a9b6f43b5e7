// Tests the sample-ratio-mismatch χ² against Kohavi et al.'s published example and the oracle χ² tail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SRM_THRESHOLD, sampleRatioMismatch } from '../../src/statistics/sampleRatioMismatch.ts';
import { assertClose, oracle } from './oracle.ts';

test('Kohavi, Tang & Xu (2020, ch. 21): 821,588 vs 815,482 users on a 50/50 design → p ≈ 1.8e-6, a mismatch', () => {
  const srm = sampleRatioMismatch([821_588, 815_482], [0.5, 0.5]);
  const e = (821_588 + 815_482) / 2;
  const chi = ((821_588 - e) ** 2 + (815_482 - e) ** 2) / e;
  assertClose(srm.chi_square, chi, 1e-12, 'χ²');
  assertClose(srm.p_value!, oracle.chiSquareSf(chi, 1), 1e-10, 'p');
  assert.equal(srm.p_value!.toExponential(1), '1.8e-6');
  assert.equal(srm.mismatch, true);
  assert.equal(SRM_THRESHOLD, 0.001);
});

test('a split that fits, three variants with unequal weights, and the threshold boundary', () => {
  const fine = sampleRatioMismatch([5030, 4970], [1, 1]);
  assert.equal(fine.mismatch, false);
  assertClose(fine.p_value!, oracle.chiSquareSf(0.36, 1), 1e-12, 'p');

  const three = sampleRatioMismatch([2600, 2400, 5000], [0.25, 0.25, 0.5]);
  assert.equal(three.df, 2);
  assertClose(three.chi_square, (100 ** 2 + 100 ** 2) / 2500, 1e-12, 'χ² 3 arms');
  assertClose(three.p_value!, oracle.chiSquareSf(8, 2), 1e-12, 'p 3 arms');
  assert.equal(three.mismatch, false, 'p = 0.018 is not below 0.001');

  // 90/10 planned but 50/50 observed: broken assignment.
  assert.equal(sampleRatioMismatch([500, 500], [9, 1]).mismatch, true);
});

test('edge cases: no units, one unit, bad input', () => {
  assert.deepEqual(sampleRatioMismatch([0, 0], [1, 1]), {
    chi_square: 0,
    df: 1,
    p_value: null,
    mismatch: false,
  });
  assert.equal(sampleRatioMismatch([1, 0], [1, 1]).mismatch, false);
  assert.throws(() => sampleRatioMismatch([1, 2], [1]), RangeError);
  assert.throws(() => sampleRatioMismatch([1, 2], [1, 0]), RangeError);
  assert.throws(() => sampleRatioMismatch([1.5, 2], [1, 1]), RangeError);
});
