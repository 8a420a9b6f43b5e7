// Tests the retry timing module: full-jitter backoff bounds and Retry-After parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../src/backoff.ts';

describe('backoffDelay', () => {
  it('is 0 when the random draw is 0 (full jitter reaches down to zero)', () => {
    assert.equal(
      backoffDelay(3, 100, 10_000, () => 0),
      0,
    );
  });

  it('doubles its ceiling with each retry', () => {
    const top = () => 0.999_999;
    assert.equal(backoffDelay(0, 100, 10_000, top), 99);
    assert.equal(backoffDelay(1, 100, 10_000, top), 199);
    assert.equal(backoffDelay(4, 100, 10_000, top), 1599);
  });

  it('never exceeds the cap', () => {
    assert.equal(
      backoffDelay(30, 100, 5_000, () => 0.999_999),
      4999,
    );
    for (let i = 0; i < 1000; i++) {
      const d = backoffDelay(i % 40, 200, 30_000);
      assert.ok(d >= 0 && d < 30_000 && Number.isInteger(d), `delay ${d}`);
    }
  });

  it('spreads draws over the whole window', () => {
    const draws = Array.from({ length: 2000 }, () => backoffDelay(2, 100, 10_000));
    assert.ok(Math.min(...draws) < 40);
    assert.ok(Math.max(...draws) > 360);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
  });

  it('reads an HTTP date relative to now', () => {
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now), 5000);
  });

  it('treats a past date as no wait', () => {
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now), 0);
  });

  it('caps long waits', () => {
    assert.equal(parseRetryAfter('86400', now), MAX_RETRY_AFTER_MS);
    assert.equal(parseRetryAfter('Thu, 02 Jan 2025 00:00:00 GMT', now), MAX_RETRY_AFTER_MS);
  });

  it('returns null for absent or invalid values', () => {
    for (const v of [null, undefined, '', 'soon', '-3', '1.5', '2e3', 'Foo, 99 Bar 2025']) {
      assert.equal(parseRetryAfter(v, now), null, String(v));
    }
  });
});
