// Owns turning a bucket list into a regular UTC grid (one slot per hour or day) with observations per slot.
import type { AnomalyGranularity } from '../../wire/anomalies.ts';
import type { AnomalyBucket, AnomalyMetricKind } from './types.ts';

export const STEP_MS: Readonly<Record<AnomalyGranularity, number>> = { hour: 3_600_000, day: 86_400_000 };

/** Parallel arrays over the grid; `obs` is NaN where a slot has no data. */
export interface SeriesGrid {
  origin: number;
  step: number;
  length: number;
  /** The judged quantity: the proportion (rates), the value (means), the count (volume). */
  obs: Float64Array;
  /** The sample behind it: trials (rates), n (means; NaN when not given), the count (volume). */
  sample: Float64Array;
}

function toMs(start: string | number): number {
  const ms = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms)) throw new RangeError(`bucket start ${String(start)} is not a time`);
  return ms;
}

/**
 * Places buckets on the grid from `from` (default: the first bucket) to `to` (exclusive; default: after the
 * last bucket). Starts must be aligned to the UTC hour / day and unique. A slot without a bucket is 0 for
 * volume (the SQL series omits empty hours) and missing for rates and means; a rate bucket with no trials is
 * missing too.
 */
export function seriesGrid(
  buckets: readonly AnomalyBucket[],
  granularity: AnomalyGranularity,
  kind: AnomalyMetricKind,
  bounds: { from?: number; to?: number } = {},
): SeriesGrid {
  const step = STEP_MS[granularity];
  const starts = buckets.map((b) => toMs(b.start));
  for (const s of starts)
    if (s % step !== 0)
      throw new RangeError(`bucket start ${new Date(s).toISOString()} is not on a ${granularity}`);
  // A loop, not Math.min(...starts): a year of hourly buckets would overflow the argument list.
  let first = Number.NaN;
  let last = Number.NaN;
  for (const s of starts) {
    if (!(s >= first)) first = s;
    if (!(s <= last)) last = s;
  }
  const origin = Math.floor((bounds.from ?? first) / step) * step;
  const end = bounds.to ?? last + step;
  if (!Number.isFinite(origin) || !Number.isFinite(end) || end <= origin)
    return { origin: 0, step, length: 0, obs: new Float64Array(0), sample: new Float64Array(0) };
  const length = Math.ceil((end - origin) / step);
  const obs = new Float64Array(length).fill(kind === 'volume' ? 0 : Number.NaN);
  const sample = new Float64Array(length).fill(kind === 'volume' ? 0 : Number.NaN);
  const seen = new Set<number>();
  buckets.forEach((b, k) => {
    const i = (starts[k] - origin) / step;
    if (i < 0 || i >= length) return;
    if (seen.has(i)) throw new RangeError(`two buckets start at ${new Date(starts[k]).toISOString()}`);
    seen.add(i);
    if (kind === 'rate') {
      const trials = b.trials ?? 0;
      const successes = b.successes ?? Number.NaN;
      if (trials > 0 && successes >= 0 && successes <= trials) {
        obs[i] = successes / trials;
        sample[i] = trials;
      }
    } else if (kind === 'volume') {
      const v = b.value ?? 0;
      obs[i] = Number.isFinite(v) && v > 0 ? v : 0;
      sample[i] = obs[i];
    } else if (b.value !== null && Number.isFinite(b.value)) {
      obs[i] = b.value;
      sample[i] = b.n ?? Number.NaN;
    }
  });
  return { origin, step, length, obs, sample };
}
