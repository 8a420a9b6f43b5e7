// The retention matrix against a brute-force count over calendar days, on random activity, weeks and months.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addPeriods, periodStart, retentionMatrix } from '../../src/cohorts/retentionMatrix.ts';
import type { RetentionPeriod } from '../../src/wire/cohorts.ts';

const DAY = 86_400_000;

function rng(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Period label by walking the calendar: ISO week (Monday) or year-month, from the day's own fields. */
function label(t: number, period: RetentionPeriod): string {
  const d = new Date(t);
  if (period === 'month') return `${d.getUTCFullYear()}-${d.getUTCMonth()}`;
  let day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  while (new Date(day).getUTCDay() !== 1) day -= DAY;
  return String(day);
}

describe('retentionMatrix', () => {
  it('period starts: weeks on Monday, months on the 1st, and stepping by periods', () => {
    assert.equal(
      periodStart(new Date('2025-06-01T12:00:00Z'), 'week').toISOString(),
      '2025-05-26T00:00:00.000Z',
    );
    assert.equal(
      periodStart(new Date('2025-06-02T00:00:00Z'), 'week').toISOString(),
      '2025-06-02T00:00:00.000Z',
    );
    assert.equal(
      periodStart(new Date('2025-06-30T23:59:59Z'), 'month').toISOString(),
      '2025-06-01T00:00:00.000Z',
    );
    assert.equal(
      addPeriods(new Date('2025-11-01T00:00:00Z'), 3, 'month').toISOString(),
      '2026-02-01T00:00:00.000Z',
    );
  });

  for (const period of ['week', 'month'] as const) {
    it(`${period}: equals the brute-force count on random activity`, () => {
      const rand = rng(period === 'week' ? 7 : 11);
      const now = new Date('2025-06-18T10:00:00Z');
      const span = period === 'week' ? 120 : 420;
      const activity: { user: string; start: string }[] = [];
      const days = new Map<string, number[]>();
      for (let u = 0; u < 300; u++) {
        const user = `u${u}`;
        const first = now.getTime() - Math.floor(rand() * span) * DAY;
        const list = [first];
        for (let i = 0; i < 6; i++) list.push(first + Math.floor(rand() * span) * DAY);
        const kept = list.filter((t) => t <= now.getTime());
        days.set(user, kept);
        for (const t of kept) activity.push({ user, start: new Date(t).toISOString() });
      }
      const periods = period === 'week' ? 8 : 6;
      const m = retentionMatrix(activity, { period, periods, now });
      // Oracle: the labels of complete periods, the last `periods` of them, counted per first label.
      const current = label(now.getTime(), period);
      const labels: string[] = [];
      for (let t = now.getTime(); labels.length <= periods; t -= DAY) {
        const l = label(t, period);
        if (l !== current && !labels.includes(l)) labels.push(l);
      }
      labels.length = periods;
      labels.reverse();
      const expected: { users: number; returning: number[] }[] = [];
      for (const [i, l] of labels.entries()) {
        const members = [...days.values()].filter((ts) => {
          const done = ts.filter((t) => label(t, period) !== current);
          return done.length > 0 && label(Math.min(...done), period) === l;
        });
        if (members.length === 0) continue;
        const returning = labels
          .slice(i)
          .map((later) => members.filter((ts) => ts.some((t) => label(t, period) === later)).length);
        expected.push({ users: members.length, returning });
      }
      assert.deepEqual(
        m.rows.map((r) => ({ users: r.users, returning: r.returning })),
        expected,
      );
      for (const r of m.rows) {
        assert.equal(r.returning[0], r.users, 'everyone is active in their first period');
        assert.deepEqual(
          r.shares,
          r.returning.map((x) => x / r.users),
        );
      }
      assert.equal(m.complete_until, periodStart(now, period).toISOString());
    });
  }

  it('no activity: no rows; a user first seen before the rows is in none', () => {
    const now = new Date('2025-06-18T00:00:00Z');
    assert.deepEqual(retentionMatrix([], { period: 'week', periods: 4, now }).rows, []);
    const m = retentionMatrix(
      [
        { user: 'old', start: '2025-01-06T00:00:00Z' },
        { user: 'old', start: '2025-06-02T00:00:00Z' },
        { user: 'new', start: '2025-06-10T00:00:00Z' },
        { user: 'now', start: '2025-06-17T00:00:00Z' },
      ],
      { period: 'week', periods: 4, now },
    );
    assert.deepEqual(m.rows, [{ start: '2025-06-09T00:00:00.000Z', users: 1, returning: [1], shares: [1] }]);
  });
});
