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
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday of the epoch: windows start on a Monday, 00:00 UTC. */
const MONDAY_MS = 4 * DAY_MS;
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

/**
 * The window of each granularity: whole buckets up to the current one, from the Monday (00:00 UTC) at or before
 * `days` days ago — so 90 days reads 90 to 97. A bucket's baseline and spread come from the buckets before it
 * back to the window's start; anchoring the start to a week keeps every scan of the week judging each bucket
 * from the same history, so the same anomalies come back with the same ids. When the start moves on a week, only
 * the oldest weeks (the warm-up of the new start) can be judged differently.
 */
export function scanWindows(nowMs: number, days: number): Record<AnomalyGranularity, ScanWindow> {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const fromMs = Math.floor((today - days * DAY_MS - MONDAY_MS) / WEEK_MS) * WEEK_MS + MONDAY_MS;
  const out = {} as Record<AnomalyGranularity, ScanWindow>;
  for (const g of ANOMALY_GRANULARITIES)
    out[g] = { fromMs, toMs: Math.floor(nowMs / STEP_MS[g]) * STEP_MS[g] };
  return out;
}

/**
 * One query per (granularity, slice level, part of the window), all metrics in each: 9 for 90 days (hourly
 * windows of more than QUERY_LIMITS.timeBuckets hours are split in two), hourly first: their detection is the
 * longer, and it runs while the daily queries do. Volume that stops reads as zeros up
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
    for (const dimension of LEVELS)
      for (let from = fromMs; from < toMs; from += per) {
        const to = Math.min(toMs, from + per);
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
