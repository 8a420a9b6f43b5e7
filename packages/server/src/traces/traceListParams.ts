// Owns the trace list's query string (the seed's conversation_id, limit, start_date plus end_date, model,
// status, service, cursor) and its opaque keyset cursor: the last listed root's start time and trace id.
import { z } from 'zod';
import { ApiError } from '../http/ApiError.ts';

export const DEFAULT_TRACE_LIMIT = 100;
export const MAX_TRACE_LIMIT = 500;
const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A timestamp as both engines print one (CAST(ts AS VARCHAR)), microseconds kept: the cursor's time. */
const SQL_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;
const TRACE_ID = /^[0-9a-f]{32}$/;

const isoOrDate = z.iso.datetime({ offset: true }).or(z.iso.date());
const text = z.string().min(1).max(256);

export interface TraceCursor {
  /** The root span's start time as the engine prints it (keeps the microseconds an ISO string would drop). */
  time: string;
  traceId: string;
}

export const encodeCursor = (c: TraceCursor): string =>
  Buffer.from(JSON.stringify([c.time, c.traceId])).toString('base64url');

function decodeCursor(s: string): TraceCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [time, traceId] = v;
    if (typeof time !== 'string' || !SQL_TIMESTAMP.test(time)) return null;
    if (typeof traceId !== 'string' || !TRACE_ID.test(traceId)) return null;
    return { time, traceId };
  } catch {
    return null;
  }
}

/** A date-only start is that day's midnight; a date-only end includes that day (as the analytics ranges). */
const bound = (s: string, end: boolean): Date =>
  DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + (end ? DAY_MS : 0)) : new Date(Date.parse(s));

export const TraceListParams = z
  .object({
    conversation_id: text.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_TRACE_LIMIT).default(DEFAULT_TRACE_LIMIT),
    start_date: isoOrDate.optional(),
    end_date: isoOrDate.optional(),
    model: text.optional(),
    status: z.enum(['ok', 'error']).optional(),
    service: text.optional(),
    cursor: z.string().max(1024).optional(),
  })
  .transform(({ start_date, end_date, cursor, ...rest }, ctx) => {
    const from = start_date === undefined ? undefined : bound(start_date, false);
    const to = end_date === undefined ? undefined : bound(end_date, true);
    if (from && to && from.getTime() >= to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'end_date must be after start_date' });
      return z.NEVER;
    }
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after === null) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'not a cursor this API returned' });
      return z.NEVER;
    }
    return { ...rest, from, to, after };
  });
export type TraceListParams = z.output<typeof TraceListParams>;

/** A trace id of the path: 32 hex digits, any case (stored lowercase); anything else is a 400. */
export function parseTraceId(id: string): string {
  const lower = id.toLowerCase();
  if (!TRACE_ID.test(lower)) {
    throw new ApiError(400, 'invalid_trace_id', 'a trace id is 32 hexadecimal digits');
  }
  return lower;
}
