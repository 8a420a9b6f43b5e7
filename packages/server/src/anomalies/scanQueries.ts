// Owns the AnalyticsQueries of one scan: every watched metric with its counts, per granularity and slice level,
// over whole buckets ending at the current hour / day, split where a window holds more buckets than a query may.
import {
  ANOMALY_GRANULARITIES,
  type AnalyticsQuery,
  type AnomalyGranularity,
  type AnomalySlice,
  QUERY_LIMITS,
  STEP_MS,
} from '@llm-analytics/core';
import { SCAN_METRICS } from './scanMetrics.ts';

const DAY_MS = 86_400_000;
/** Rows a scan query may return (hours × models of 90 days with room to spare): the server's own reader. */
export const SCAN_MAX_ROWS = 500_000;
/** The slice levels, each one query dimension besides time (`overall`: none). */
const LEVELS: readonly AnomalySlice['dimension'][] = ['overall', 'model', 'provider'];

export interface ScanWindow {
  fromMs: number;
  /** Exclusive: the start of the current, still filling bucket, which is never judged. */
  toMs: number;
}

export interface ScanQuery {
  granularity: AnomalyGranularity;
  dimension: AnomalySlice['dimension'];
  query: AnalyticsQuery;
}

/** The window of each granularity: `days` of whole buckets before the current one. */
export function scanWindows(nowMs: number, days: number): Record<AnomalyGranularity, ScanWindow> {
  const out = {} as Record<AnomalyGranularity, ScanWindow>;
  for (const g of ANOMALY_GRANULARITIES) {
    const toMs = Math.floor(nowMs / STEP_MS[g]) * STEP_MS[g];
    out[g] = { fromMs: toMs - days * DAY_MS, toMs };
  }
  return out;
}

/**
 * One query per (granularity, slice level, part of the window), all metrics in each: 9 for 90 days (hourly
 * windows of more than QUERY_LIMITS.timeBuckets hours are split in two). Volume that stops reads as zeros up
 * to the window's end (scanAnomalies' `to`), so an outage in the last hours is seen.
 */
export function scanQueries(windows: Record<AnomalyGranularity, ScanWindow>): ScanQuery[] {
  const out: ScanQuery[] = [];
  for (const granularity of ANOMALY_GRANULARITIES) {
    const { fromMs, toMs } = windows[granularity];
    const step = STEP_MS[granularity];
    const buckets = (toMs - fromMs) / step;
    const parts = Math.ceil(buckets / QUERY_LIMITS.timeBuckets);
    const per = Math.ceil(buckets / parts) * step;
    for (let from = fromMs; from < toMs; from += per) {
      const to = Math.min(toMs, from + per);
      for (const dimension of LEVELS)
        out.push({
          granularity,
          dimension,
          query: {
            metrics: [...SCAN_METRICS],
            dimensions: dimension === 'overall' ? ['time'] : ['time', dimension],
            granularity,
            date_range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
            limit: SCAN_MAX_ROWS,
          },
        });
    }
  }
  return out;
}
