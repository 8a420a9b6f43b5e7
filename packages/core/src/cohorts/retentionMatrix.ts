// Owns the retention matrix: members grouped by the period they were first seen × periods since, with the
// share of each group that came back; only complete periods. Pure: the rows come from AnalyticsQuery.
import type { RetentionPeriod, RetentionRow } from '../wire/cohorts.ts';

const DAY = 86_400_000;

/** Start of `t`'s UTC period: weeks start on Monday (as the `time` dimension's), months on the 1st. */
export function periodStart(t: Date, period: RetentionPeriod): Date {
  if (period === 'month') return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY);
}

/** The period start `k` periods after `start` (a period start itself). */
export function addPeriods(start: Date, k: number, period: RetentionPeriod): Date {
  if (period === 'week') return new Date(start.getTime() + k * 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1));
}

/** One user active in one period (`start`: any instant inside it, typically the `time` bucket). */
export interface PeriodActivity {
  user: string;
  start: string;
}

export interface RetentionMatrix {
  complete_until: string;
  rows: RetentionRow[];
}

/**
 * The last `periods` complete periods before `now` are the rows (oldest first); a member belongs to the row of
 * their first active period ever, and a row's cell k counts its members active k periods later, for the
 * complete periods only (so later rows have fewer cells). Rows nobody was first seen in are left out.
 */
export function retentionMatrix(
  activity: PeriodActivity[],
  opts: { period: RetentionPeriod; periods: number; now: Date },
): RetentionMatrix {
  const { period, periods } = opts;
  const until = periodStart(opts.now, period);
  const key = (d: Date) => periodStart(d, period).getTime();
  const active = new Map<string, Set<number>>();
  for (const a of activity) {
    const t = key(new Date(a.start));
    if (t >= until.getTime()) continue;
    const set = active.get(a.user) ?? new Set<number>();
    set.add(t);
    active.set(a.user, set);
  }
  const first = addPeriods(until, -periods, period).getTime();
  const groups = new Map<number, Set<number>[]>();
  for (const times of active.values()) {
    const start = Math.min(...times);
    if (start < first) continue;
    const list = groups.get(start) ?? [];
    list.push(times);
    groups.set(start, list);
  }
  const rows: RetentionRow[] = [];
  for (let i = 0; i < periods; i++) {
    const start = addPeriods(until, i - periods, period);
    const members = groups.get(start.getTime());
    if (!members) continue;
    const returning: number[] = [];
    for (let k = 0; addPeriods(start, k + 1, period) <= until && k < periods; k++) {
      const t = addPeriods(start, k, period).getTime();
      returning.push(members.filter((m) => m.has(t)).length);
    }
    rows.push({
      start: start.toISOString(),
      users: members.length,
      returning,
      shares: returning.map((r) => r / members.length),
    });
  }
  return { complete_until: until.toISOString(), rows };
}
