// Owns the `analytics_anomalies` table: anomalies the scan found (one row per incident) and their triage state.
import type { TableDef } from './TableDef.ts';

// Keyed by the detection's deterministic id (anomalyId: metric, slice, granularity, start), so a re-scan
// upserts the row it wrote before and keeps who acknowledged or resolved it. Times are epoch ms in BIGINT, as
// jobs' and experiments' are; the feed's points are one JSON document, read and written whole.
export const analyticsAnomalies = {
  name: 'analytics_anomalies',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_anomalies_pk', unique: true },
  indexes: { analytics_anomalies_start: { columns: ['workspace_id', 'start_ms'] } },
  columns: {
    workspace_id: { type: 'text' },
    id: { type: 'text' },
    metric: { type: 'text' },
    /** hour | day */
    granularity: { type: 'text' },
    /** overall | model | provider, and the model or provider id (null for overall). */
    slice_dimension: { type: 'text' },
    slice_value: { type: 'text', nullable: true },
    /** drop | spike */
    direction: { type: 'text' },
    start_ms: { type: 'bigint' },
    end_ms: { type: 'bigint' },
    buckets: { type: 'integer' },
    peak_ms: { type: 'bigint' },
    peak_value: { type: 'double' },
    peak_score: { type: 'double' },
    expected_value: { type: 'double' },
    expected_low: { type: 'double' },
    expected_high: { type: 'double' },
    sample: { type: 'double', nullable: true },
    baseline: { type: 'text' },
    severity: { type: 'text' },
    /** The least sensitive setting that shows it: low | medium | high. */
    sensitivity: { type: 'text' },
    /** [{start, value, expected, low, high, score}] */
    points: { type: 'json' },
    /** open | acknowledged | resolved */
    status: { type: 'text' },
    acknowledged_by: { type: 'text', nullable: true },
    acknowledged_ms: { type: 'bigint', nullable: true },
    resolved_by: { type: 'text', nullable: true },
    resolved_ms: { type: 'bigint', nullable: true },
    detected_ms: { type: 'bigint' },
    updated_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
