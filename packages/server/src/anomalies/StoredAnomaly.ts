// Owns the row shape of analytics_anomalies, its column list, and the conversions to and from the wire record.
import type {
  AnomalyBaseline,
  AnomalyGranularity,
  AnomalyPoint,
  AnomalyRecord,
  AnomalySensitivity,
  AnomalySeverity,
  AnomalyStatus,
  DetectedAnomaly,
} from '@llm-analytics/core';

export interface StoredAnomaly {
  workspace_id: string;
  id: string;
  metric: string;
  granularity: AnomalyGranularity;
  slice_dimension: DetectedAnomaly['slice']['dimension'];
  slice_value: string | null;
  direction: DetectedAnomaly['direction'];
  start_ms: number;
  end_ms: number;
  buckets: number;
  peak_ms: number;
  peak_value: number;
  peak_score: number;
  expected_value: number;
  expected_low: number;
  expected_high: number;
  sample: number | null;
  baseline: AnomalyBaseline;
  severity: AnomalySeverity;
  sensitivity: AnomalySensitivity;
  /** JSON: text on DuckDB, parsed on PostgreSQL (anomalyPoints reads both); written as text. */
  points: unknown;
  status: AnomalyStatus;
  acknowledged_by: string | null;
  acknowledged_ms: number | null;
  resolved_by: string | null;
  resolved_ms: number | null;
  detected_ms: number;
  updated_ms: number;
}

/** In table order: inserts bind them as $1…$28. */
export const ANOMALY_COLUMNS = [
  'workspace_id',
  'id',
  'metric',
  'granularity',
  'slice_dimension',
  'slice_value',
  'direction',
  'start_ms',
  'end_ms',
  'buckets',
  'peak_ms',
  'peak_value',
  'peak_score',
  'expected_value',
  'expected_low',
  'expected_high',
  'sample',
  'baseline',
  'severity',
  'sensitivity',
  'points',
  'status',
  'acknowledged_by',
  'acknowledged_ms',
  'resolved_by',
  'resolved_ms',
  'detected_ms',
  'updated_ms',
] as const satisfies readonly (keyof StoredAnomaly)[];

/** What a scan decides; the rest of a row (identity, triage, times) is the store's. */
export const DETECTION_COLUMNS = [
  'metric',
  'granularity',
  'slice_dimension',
  'slice_value',
  'direction',
  'start_ms',
  'end_ms',
  'buckets',
  'peak_ms',
  'peak_value',
  'peak_score',
  'expected_value',
  'expected_low',
  'expected_high',
  'sample',
  'baseline',
  'severity',
  'sensitivity',
  'points',
] as const satisfies readonly (keyof StoredAnomaly)[];

export type Detection = Pick<StoredAnomaly, (typeof DETECTION_COLUMNS)[number]>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function anomalyPoints(v: unknown): AnomalyPoint[] {
  return (typeof v === 'string' ? JSON.parse(v) : v) as AnomalyPoint[];
}

/**
 * Numbers compared to 1e-9 relative: a parallel aggregate (a sum of costs, of ratings) may add in another order
 * from one scan to the next and differ in its last bits, which is no change worth an update and an event.
 */
const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const POINT_FIELDS = ['value', 'expected', 'low', 'high', 'score'] as const;

function samePoints(a: AnomalyPoint[], b: AnomalyPoint[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.start === b[i].start && POINT_FIELDS.every((f) => same(p[f], b[i][f])))
  );
}

/** A scan's anomaly as the detection columns (points as JSON text). */
export function toDetection(a: DetectedAnomaly): Detection {
  return {
    metric: a.metric,
    granularity: a.granularity,
    slice_dimension: a.slice.dimension,
    slice_value: a.slice.value,
    direction: a.direction,
    start_ms: Date.parse(a.start),
    end_ms: Date.parse(a.end),
    buckets: a.buckets,
    peak_ms: Date.parse(a.peak.start),
    peak_value: a.peak.value,
    peak_score: a.peak.score,
    expected_value: a.expected.value,
    expected_low: a.expected.low,
    expected_high: a.expected.high,
    sample: a.sample,
    baseline: a.baseline,
    severity: a.severity,
    sensitivity: a.sensitivity,
    points: JSON.stringify(a.points),
  };
}

/** True when a re-scan's detection differs from the stored one in any column it decides. */
export function detectionChanged(stored: StoredAnomaly, next: Detection): boolean {
  return DETECTION_COLUMNS.some((c) => {
    if (c === 'points') return !samePoints(anomalyPoints(stored.points), anomalyPoints(next.points));
    const a = stored[c];
    const b = next[c];
    if (typeof a === 'number' || typeof b === 'number')
      return !same(a === null ? null : Number(a), b === null ? null : Number(b));
    return a !== b;
  });
}

export function toAnomalyRecord(r: StoredAnomaly): AnomalyRecord {
  return {
    id: r.id,
    metric: r.metric,
    granularity: r.granularity,
    slice: { dimension: r.slice_dimension, value: r.slice_value },
    direction: r.direction,
    start: iso(r.start_ms),
    end: iso(r.end_ms),
    buckets: Number(r.buckets),
    peak: { start: iso(r.peak_ms), value: r.peak_value, score: r.peak_score },
    expected: { value: r.expected_value, low: r.expected_low, high: r.expected_high },
    sample: r.sample,
    baseline: r.baseline,
    severity: r.severity,
    sensitivity: r.sensitivity,
    points: anomalyPoints(r.points),
    status: r.status,
    acknowledged_by: r.acknowledged_by,
    acknowledged_at: isoOrNull(r.acknowledged_ms),
    resolved_by: r.resolved_by,
    resolved_at: isoOrNull(r.resolved_ms),
    detected_at: iso(r.detected_ms),
    updated_at: iso(r.updated_ms),
  };
}

/** The row's values in ANOMALY_COLUMNS order, points as JSON text. */
export function anomalyValues(r: StoredAnomaly): (string | number | null)[] {
  return ANOMALY_COLUMNS.map((c) => {
    const v = r[c];
    if (c === 'points') return typeof v === 'string' ? v : JSON.stringify(v);
    return v as string | number | null;
  });
}
