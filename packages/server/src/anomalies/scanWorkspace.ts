// Owns running one scan's queries and detection: AnalyticsQueries through the AnalyticsService, rows into each
// watched metric's series per slice, scanAnomalies per metric and granularity. Writes nothing.
import {
  ANOMALY_GRANULARITIES,
  type AnomalyBucket,
  type AnomalyGranularity,
  type DetectedAnomaly,
  type ReplyRow,
  scanAnomalies,
  sliceKey,
} from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import { bucketOf, WATCHED } from './scanMetrics.ts';
import { SCAN_MAX_ROWS, type ScanQuery, type ScanWindow, scanQueries, scanWindows } from './scanQueries.ts';

/** Queries in flight at once: the store bounds its own readers; two keep both cores of a small host busy. */
const CONCURRENCY = 2;

export interface ScanOutcome {
  anomalies: DetectedAnomaly[];
  windows: Record<AnomalyGranularity, ScanWindow>;
  queries: number;
  series: number;
  queryMs: number;
  detectMs: number;
}

/** metric → slice key → buckets, per granularity. */
type SeriesByMetric = Map<string, Map<string, AnomalyBucket[]>>;

/**
 * Scans `days` of whole hours and days before `nowMs`: every watched metric, overall, per model and per
 * provider. Detection runs once at `high` — each anomaly carries the least sensitive setting its peak crosses,
 * so the list filters by sensitivity without a scan per setting (an anomaly a medium scan would find lies
 * inside one found at high, whose peak shows at medium). `progress` gets 0..1 as queries finish.
 */
export async function scanWorkspace(
  analytics: AnalyticsService,
  workspaceId: string,
  opts: { nowMs: number; days: number; signal?: AbortSignal; progress?: (fraction: number) => Promise<void> },
): Promise<ScanOutcome> {
  const windows = scanWindows(opts.nowMs, opts.days);
  const queries = scanQueries(windows);
  const series = new Map<AnomalyGranularity, SeriesByMetric>(
    ANOMALY_GRANULARITIES.map((g) => [g, new Map(WATCHED.map((m) => [m.id, new Map()]))]),
  );
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < queries.length) {
      const q = queries[next++];
      if (opts.signal?.aborted) throw new Error('the scan was stopped');
      const reply = await analytics.query(workspaceId, q.query, new Date(opts.nowMs), {
        fresh: true,
        maxRows: SCAN_MAX_ROWS,
      });
      if (reply.meta.truncated) throw new Error(`a scan query returned more than ${SCAN_MAX_ROWS} rows`);
      addRows(series.get(q.granularity) as SeriesByMetric, q, reply.rows);
      await opts.progress?.((++done / queries.length) * 0.9);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const t1 = performance.now();
  const anomalies: DetectedAnomaly[] = [];
  let count = 0;
  for (const granularity of ANOMALY_GRANULARITIES)
    for (const [metric, slices] of series.get(granularity) as SeriesByMetric) {
      count += slices.size;
      anomalies.push(
        ...scanAnomalies(
          { metric, granularity, series: slices },
          { sensitivity: 'high', to: windows[granularity].toMs },
        ),
      );
    }
  return {
    anomalies,
    windows,
    queries: queries.length,
    series: count,
    queryMs: t1 - t0,
    detectMs: performance.now() - t1,
  };
}

function addRows(into: SeriesByMetric, q: ScanQuery, rows: readonly ReplyRow[]): void {
  for (const row of rows) {
    let key = 'overall';
    if (q.dimension !== 'overall') {
      const v = row[q.dimension];
      // Messages without a model (or provider) count overall only: there is no slice to name.
      if (v === null || v === undefined || v === '') continue;
      key = sliceKey({ dimension: q.dimension, value: String(v) });
    }
    for (const m of WATCHED) {
      const slices = into.get(m.id) as Map<string, AnomalyBucket[]>;
      const buckets = slices.get(key);
      if (buckets) buckets.push(bucketOf(m, row));
      else slices.set(key, [bucketOf(m, row)]);
    }
  }
}
