// Owns what a scan reads for each watched metric: the metric and the count it is judged with, and how one
// reply row becomes that metric's bucket (successes of trials for rates, n for means, the count for volume).
import {
  type AnomalyBucket,
  type AnomalyMetricKind,
  anomalyMetric,
  type ReplyRow,
  registry,
  WATCHED_METRICS,
} from '@llm-analytics/core';

/**
 * The sample behind a watched metric: the registry's `per` (the count a rate or average divides by), else the
 * count its value is made of — p95 latency of the messages that have one, cost of the messages.
 */
const SAMPLE_WITHOUT_PER: Readonly<Record<string, string>> = {
  latency_p95: 'timed_messages',
  cost: 'messages',
};

export interface WatchedMetric {
  id: string;
  kind: AnomalyMetricKind;
  /** Reported values are proportion × scale (100 for percent rates). */
  scale: number;
  /** The count metric read beside it (null for volume, which is its own count). */
  sample: string | null;
}

export const WATCHED: readonly WatchedMetric[] = WATCHED_METRICS.map((id) => {
  const def = anomalyMetric(id);
  if (!def) throw new Error(`watched metric ${id} is not in the registry`);
  const sample =
    def.kind === 'volume' ? null : (registry.metrics.get(id)?.per ?? SAMPLE_WITHOUT_PER[id] ?? null);
  if (def.kind === 'rate' && !sample) throw new Error(`watched rate ${id} has no count to be judged with`);
  return { id, kind: def.kind, scale: def.scale, sample };
});

/** Every metric a scan's queries ask for: the watched ones and their counts, each once. */
export const SCAN_METRICS: readonly string[] = [
  ...new Set(WATCHED.flatMap((m) => (m.sample ? [m.id, m.sample] : [m.id]))),
];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The metric's bucket from one reply row (`time` is the bucket start). A rate's successes are its value times
 * its trials over the scale, rounded: the registry's rate is exactly 100 × successes / trials.
 */
export function bucketOf(m: WatchedMetric, row: ReplyRow): AnomalyBucket {
  const start = String(row.time);
  const value = num(row[m.id]);
  if (m.kind === 'volume') return { start, value: value ?? 0 };
  const count = num(row[m.sample as string]) ?? 0;
  if (m.kind === 'rate')
    return {
      start,
      value,
      trials: count,
      successes: value === null ? 0 : Math.round((value * count) / m.scale),
    };
  return { start, value, n: count };
}
