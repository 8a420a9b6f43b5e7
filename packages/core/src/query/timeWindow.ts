// Owns date windows: resolving date_range against "now", the previous period, and the auto time bucket.
import type { DateRange, Granularity, TimeBucket } from './AnalyticsQuery.ts';
import { QueryError } from './QueryError.ts';

/** A half-open UTC window [from, to). `null` stands for `date_range: "all"`. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RELATIVE_DAYS = { '7d': 7, '30d': 30, '90d': 90 } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function resolveWindow(range: DateRange, now: Date): TimeWindow | null {
  if (range === 'all') return null;
  if (typeof range === 'string') {
    return { from: new Date(now.getTime() - RELATIVE_DAYS[range] * DAY), to: new Date(now.getTime()) };
  }
  const from = new Date(DATE_ONLY.test(range.from) ? `${range.from}T00:00:00Z` : range.from);
  // A date-only `to` means "through that day", so the window ends at the following midnight.
  const to = DATE_ONLY.test(range.to)
    ? new Date(new Date(`${range.to}T00:00:00Z`).getTime() + DAY)
    : new Date(range.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new QueryError('invalid_date_range', 'date_range bounds must be ISO-8601 dates', 'date_range');
  }
  if (from.getTime() >= to.getTime()) {
    throw new QueryError('invalid_date_range', 'date_range.from must be before date_range.to', 'date_range');
  }
  return { from, to };
}

/** The window of equal length ending where `window` starts (for `compare: "previous_period"`). */
export function previousWindow(window: TimeWindow): TimeWindow {
  const length = window.to.getTime() - window.from.getTime();
  return { from: new Date(window.from.getTime() - length), to: new Date(window.from.getTime()) };
}

/**
 * `auto` keeps a chart between roughly 24 and 200 points: hour up to 2 days, day up to 92 days, week up to
 * 2 years, month beyond. `all` has no window, so `dataSpan` (the stored data's extent) decides; without it, day.
 */
export function pickBucket(
  granularity: Granularity | undefined,
  window: TimeWindow | null,
  dataSpan?: TimeWindow,
): TimeBucket {
  if (granularity && granularity !== 'auto') return granularity;
  const span = window ?? dataSpan;
  if (!span) return 'day';
  const ms = span.to.getTime() - span.from.getTime();
  if (ms <= 2 * DAY) return 'hour';
  if (ms <= 92 * DAY) return 'day';
  if (ms <= 730 * DAY) return 'week';
  return 'month';
}

/** Start of the UTC bucket holding `t`; weeks start on Monday, as date_trunc does in both engines. */
export function truncateUtc(t: Date, bucket: TimeBucket): Date {
  const d = new Date(t.getTime());
  d.setUTCMinutes(0, 0, 0);
  if (bucket === 'hour') return d;
  d.setUTCHours(0);
  if (bucket === 'day') return d;
  if (bucket === 'week') {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  }
  d.setUTCDate(1);
  return d;
}

/** Upper bound of the number of buckets a window spans. */
export function bucketCount(window: TimeWindow, bucket: TimeBucket): number {
  const ms = window.to.getTime() - window.from.getTime();
  const size = { hour: HOUR, day: DAY, week: 7 * DAY, month: 28 * DAY }[bucket];
  return Math.ceil(ms / size) + 1;
}

/** `2025-01-31 12:00:00.000`: a zone-less UTC timestamp literal both engines parse as TIMESTAMP. */
export function sqlTimestamp(t: Date): string {
  return t.toISOString().replace('T', ' ').replace('Z', '');
}
