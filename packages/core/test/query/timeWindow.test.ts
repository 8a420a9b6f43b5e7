// Tests date windows: relative and absolute ranges, previous period, UTC bucket truncation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previousWindow, resolveWindow, sqlTimestamp, truncateUtc } from '../../src/query/timeWindow.ts';

const now = new Date('2025-03-10T15:30:00Z');

test('relative ranges end now; all is unbounded', () => {
  assert.deepEqual(resolveWindow('7d', now), { from: new Date('2025-03-03T15:30:00Z'), to: now });
  assert.equal(resolveWindow('all', now), null);
});

test('a date-only `to` includes that day; datetimes are taken as given', () => {
  assert.deepEqual(resolveWindow({ from: '2025-01-01', to: '2025-01-31' }, now), {
    from: new Date('2025-01-01T00:00:00Z'),
    to: new Date('2025-02-01T00:00:00Z'),
  });
  assert.deepEqual(resolveWindow({ from: '2025-01-01T10:00:00+02:00', to: '2025-01-01T12:00:00Z' }, now), {
    from: new Date('2025-01-01T08:00:00Z'),
    to: new Date('2025-01-01T12:00:00Z'),
  });
});

test('previous period is the adjacent window of equal length', () => {
  const w = resolveWindow('30d', now)!;
  const p = previousWindow(w);
  assert.equal(p.to.getTime(), w.from.getTime());
  assert.equal(w.to.getTime() - w.from.getTime(), p.to.getTime() - p.from.getTime());
});

test('UTC truncation matches date_trunc (weeks start Monday)', () => {
  const t = new Date('2025-03-09T23:59:59.999Z'); // a Sunday
  assert.equal(truncateUtc(t, 'hour').toISOString(), '2025-03-09T23:00:00.000Z');
  assert.equal(truncateUtc(t, 'day').toISOString(), '2025-03-09T00:00:00.000Z');
  assert.equal(truncateUtc(t, 'week').toISOString(), '2025-03-03T00:00:00.000Z');
  assert.equal(truncateUtc(t, 'month').toISOString(), '2025-03-01T00:00:00.000Z');
  assert.equal(sqlTimestamp(t), '2025-03-09 23:59:59.999');
});
