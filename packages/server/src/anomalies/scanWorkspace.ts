// Owns running one scan's queries and detection: AnalyticsQueries through the AnalyticsService, rows into each
// watched metric's series per slice, scanAnomalies per metric, granularity and slice level. Writes nothing.
import {
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
  /** Wall time of the queries, and event-loop time of the detection (which overlaps the queries). */
  queryMs: number;
  detectMs: number;
}

/** The queries of one granularity and slice level, and what they have read so far: metric → slice → buckets. */
interface Group {
  granularity: AnomalyGranularity;
  pending: number;
  series: Map<string, Map<string, AnomalyBucket[]>>;
}

/**
 * Scans the whole buckets of `days` days (scanWindows) before `nowMs`: every watched metric, overall, per model
 * and per provider. Detection runs once at `high` — each anomaly carries the least sensitive setting its peak
 * crosses, so the list filters by sensitivity without a scan per setting (an anomaly a medium scan would find
 * lies inside one found at high, whose peak shows at medium). A slice level's detection runs as soon as its
 * queries are in, while DuckDB works on the next ones. `progress` gets 0..0.9 as queries finish.
 */
export async function scanWorkspace(
  analytics: AnalyticsService,
  workspaceId: string,
  opts: { nowMs: number; days: number; signal?: AbortSignal; progress?: (fraction: number) => Promise<void> },
): Promise<ScanOutcome> {
  const windows = scanWindows(opts.nowMs, opts.days);
  const queries = scanQueries(windows);
  const groups = new Map<string, Group>();
  const groupOf = (q: ScanQuery) => {
    const key = `${q.granularity}:${q.dimension}`;
    let g = groups.get(key);
    if (!g) {
      g = { granularity: q.granularity, pending: 0, series: new Map(WATCHED.map((m) => [m.id, new Map()])) };
      groups.set(key, g);
    }
    return g;
  };
  for (const q of queries) groupOf(q).pending++;
  const anomalies: DetectedAnomaly[] = [];
  let series = 0;
  let detectMs = 0;
  const detect = (g: Group) => {
    const t = performance.now();
    for (const [metric, slices] of g.series) {
      series += slices.size;
      anomalies.push(
        ...scanAnomalies(
          { metric, granularity: g.granularity, series: slices },
          { sensitivity: 'high', to: windows[g.granularity].toMs },
        ),
      );
    }
    g.series.clear();
    detectMs += performance.now() - t;
  };
  const t0 = performance.now();
  let queryMs = 0;
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
      const g = groupOf(q);
      addRows(g.series, q, reply.rows);
      if (++done === queries.length) queryMs = performance.now() - t0;
      if (--g.pending === 0) detect(g);
      await opts.progress?.((done / queries.length) * 0.9);
    }
  };
  const stopOnError = () =>
    worker().catch((e: unknown) => {
      next = queries.length; // the other worker claims no more
      throw e;
    });
  await Promise.all(Array.from({ length: CONCURRENCY }, stopOnError));
  return { anomalies, windows, queries: queries.length, series, queryMs, detectMs };
}

function addRows(into: Group['series'], q: ScanQuery, rows: readonly ReplyRow[]): void {
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
