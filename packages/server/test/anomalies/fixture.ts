// Owns the anomalies the store and route tests write: DetectedAnomaly values as scanAnomalies returns them.
import { type DetectedAnomaly, DetectedAnomalySchema } from '@llm-analytics/core';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 10, 2);
export const iso = (ms: number) => new Date(ms).toISOString();

/** A detected drop of `hours` buckets from T0 + startH hours, as scanAnomalies would return it. */
export function anomaly(over: {
  id: string;
  metric?: string;
  startH: number;
  hours?: number;
  slice?: DetectedAnomaly['slice'];
  sensitivity?: DetectedAnomaly['sensitivity'];
  granularity?: DetectedAnomaly['granularity'];
  peak?: number;
}): DetectedAnomaly {
  const start = T0 + over.startH * HOUR;
  const hours = over.hours ?? 2;
  const points = Array.from({ length: hours }, (_, i) => ({
    start: iso(start + i * HOUR),
    value: 50 - i,
    expected: 80,
    low: 74.5,
    high: 85.25,
    score: -(over.peak ?? 7) + i,
  }));
  return DetectedAnomalySchema.parse({
    id: over.id,
    metric: over.metric ?? 'success_rate',
    granularity: over.granularity ?? 'hour',
    slice: over.slice ?? { dimension: 'model', value: 'm1' },
    direction: 'drop',
    start: iso(start),
    end: iso(start + hours * HOUR),
    buckets: hours,
    peak: { start: iso(start), value: 50, score: -(over.peak ?? 7) },
    expected: { value: 80, low: 74.5, high: 85.25 },
    sample: 120,
    baseline: 'hour_of_week',
    severity: 'high',
    sensitivity: over.sensitivity ?? 'low',
    points,
  });
}
