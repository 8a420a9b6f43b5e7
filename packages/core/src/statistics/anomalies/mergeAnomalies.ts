// Owns merging consecutive anomalous buckets of one series into anomalies with a peak, band and severity.
import type { AnomalyGranularity, AnomalySlice, DetectedAnomaly } from '../../wire/anomalies.ts';
import { anomalyId } from './anomalyId.ts';
import { leastSensitivity, severityOf } from './anomalyThresholds.ts';
import type { ScoredBucket } from './scoreSeries.ts';
import type { BadDirection } from './types.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A bucket is anomalous when its score crosses `threshold` on a bad side (`drop`: z ≤ −T, `rise`: z ≥ T,
 * `both`: either). A run of adjacent anomalous buckets on the same side — no gap, no unjudged bucket between —
 * is one anomaly: start of the first, end of the last (exclusive), its peak the bucket with the largest |z|
 * (ties: the earliest), the expected value and band of that peak, severity from the peak's |z|.
 */
export function mergeAnomalies(
  scored: readonly (ScoredBucket | null)[],
  ctx: {
    metric: string;
    slice: AnomalySlice;
    granularity: AnomalyGranularity;
    bad: BadDirection;
    threshold: number;
    step: number;
  },
): DetectedAnomaly[] {
  const side = (b: ScoredBucket | null): -1 | 0 | 1 => {
    if (!b) return 0;
    if (b.score <= -ctx.threshold && ctx.bad !== 'rise') return -1;
    if (b.score >= ctx.threshold && ctx.bad !== 'drop') return 1;
    return 0;
  };
  const out: DetectedAnomaly[] = [];
  let i = 0;
  while (i < scored.length) {
    const s = side(scored[i]);
    if (s === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < scored.length && side(scored[j + 1]) === s) j++;
    const run = scored.slice(i, j + 1) as ScoredBucket[];
    let peak = run[0];
    for (const b of run) if (Math.abs(b.score) > Math.abs(peak.score)) peak = b;
    out.push({
      id: anomalyId(ctx.metric, ctx.slice, ctx.granularity, run[0].start),
      metric: ctx.metric,
      granularity: ctx.granularity,
      slice: ctx.slice,
      direction: s < 0 ? 'drop' : 'spike',
      start: iso(run[0].start),
      end: iso(run[run.length - 1].start + ctx.step),
      buckets: run.length,
      peak: { start: iso(peak.start), value: peak.value, score: peak.score },
      expected: { value: peak.expected, low: peak.low, high: peak.high },
      sample: peak.sample,
      baseline: peak.baseline,
      severity: severityOf(peak.score),
      sensitivity: leastSensitivity(peak.score) ?? 'high',
      points: run.map((b) => ({
        start: iso(b.start),
        value: b.value,
        expected: b.expected,
        low: b.low,
        high: b.high,
        score: b.score,
      })),
    });
    i = j + 1;
  }
  return out;
}
