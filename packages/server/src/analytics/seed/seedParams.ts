// Owns the seed endpoints' shared plumbing: date-range checks and the principal's id.
import { DateRangeSchema, QueryError, resolveWindow, type TimeWindow } from '@llm-analytics/core';
import { ApiError } from '../../http/ApiError.ts';

const DAY_MS = 86_400_000;

/**
 * Resolves `startDate`/`endDate` (ISO-8601 timestamps or dates; a date-only end includes that day) into a
 * half-open UTC window. Missing bounds default to the `defaultDays` days ending at `now`. Bad dates or an end
 * not after the start → 400 `invalid_date_range`; longer than `maxDays` → 400 `range_too_large`.
 */
export function resolveSeedRange(
  start: string | undefined,
  end: string | undefined,
  opts: { maxDays: number; defaultDays: number; now: Date },
): { from: string; to: string; window: TimeWindow } {
  const to = end ?? opts.now.toISOString();
  const from =
    start ?? new Date(Date.parse(to) - Math.min(opts.defaultDays, opts.maxDays) * DAY_MS).toISOString();
  const parsed = DateRangeSchema.safeParse({ from, to });
  if (!parsed.success || typeof parsed.data === 'string') {
    throw new ApiError(
      400,
      'invalid_date_range',
      'startDate and endDate must be ISO-8601 timestamps (with offset) or dates (YYYY-MM-DD)',
    );
  }
  let window: TimeWindow | null;
  try {
    window = resolveWindow(parsed.data, opts.now);
  } catch (e) {
    if (e instanceof QueryError)
      throw new ApiError(400, 'invalid_date_range', 'endDate must be after startDate');
    throw e;
  }
  if (!window) throw new ApiError(400, 'invalid_date_range', 'a bounded date range is required');
  const days = (window.to.getTime() - window.from.getTime()) / DAY_MS;
  if (days > opts.maxDays) {
    throw new ApiError(
      400,
      'range_too_large',
      `the date range spans ${Math.ceil(days)} days; at most ${opts.maxDays} (ANALYTICS_MAX_DATE_RANGE_DAYS)`,
    );
  }
  return { from: parsed.data.from, to: parsed.data.to, window };
}

/**
 * The id of whoever asks: a user id for signed-in users, the key id for API keys. Read defensively, so a
 * reshaped principal (key/user union) keeps working without this module knowing its exact type.
 */
export function principalId(principal: object | null | undefined): string {
  if (!principal) return '';
  const p = principal as Record<string, unknown>;
  for (const k of ['userId', 'keyId', 'id']) if (typeof p[k] === 'string' && p[k]) return p[k] as string;
  return '';
}

/** snake_case metric id → camelCase field of the seed's datapoints (`latency_p95` → `latencyP95`). */
export const camel = (id: string): string => id.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
