// Owns retry timing: exponential backoff with full jitter, and parsing of the HTTP Retry-After header.

/** Longest wait the SDK will honour from a Retry-After header (a misconfigured server must not stall it). */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Full-jitter backoff (AWS architecture blog): a uniform random delay in
 * `[0, min(maxMs, baseMs * 2^attempt))`, where `attempt` counts retries from 0.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3): either delay-seconds or an HTTP date.
 * Returns milliseconds to wait (never negative, capped at `MAX_RETRY_AFTER_MS`), or null when absent or invalid.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // HTTP dates always name a weekday or month; refuse bare numbers such as "1.5" or "-3" that Date.parse accepts.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
