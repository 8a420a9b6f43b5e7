// Owns the deterministic anomaly id, so a re-scan finds the row it stored before and upserts it.
import type { AnomalyGranularity, AnomalySlice } from '../../wire/anomalies.ts';

const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const MASK = (1n << 128n) - 1n;

/**
 * `anom_` + the 128-bit FNV-1a hash (32 hex digits) of the UTF-8 text `metric␟dimension␟value␟granularity␟start`
 * (␟ = U+001F, start as ISO-8601): the same incident of the same series always gets the same id, whatever
 * else the scan found. Not a security hash — ids are not secrets; pure code (no node:crypto) so it also runs in
 * the browser.
 *
 * Reference: G. Fowler, L. C. Noll, K.-P. Vo & D. Eastlake, "The FNV non-cryptographic hash algorithm",
 * IETF draft-eastlake-fnv (128-bit offset basis and prime).
 */
export function anomalyId(
  metric: string,
  slice: AnomalySlice,
  granularity: AnomalyGranularity,
  start: number,
): string {
  const text = [metric, slice.dimension, slice.value ?? '', granularity, new Date(start).toISOString()].join(
    '\u001f',
  );
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return `anom_${h.toString(16).padStart(32, '0')}`;
}
