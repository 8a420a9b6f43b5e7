// Owns a workspace's anomalies: the scan (queries → detection → upsert), the list with its filters, and triage
// (acknowledge, resolve, reopen: who and when), each change published on the event bus.
import {
  ANOMALY_SENSITIVITIES,
  type AnomalyListQuery,
  type AnomalyRecord,
  type AnomalyStatus,
  type DetectedAnomaly,
} from '@llm-analytics/core';
import type { ActivityService } from '../activity/ActivityService.ts';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';
import type { EventBus } from '../events/EventBus.ts';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { planAnomalyUpsert } from './planAnomalyUpsert.ts';
import { findAnomaly } from './queries/findAnomaly.ts';
import { insertAnomalies } from './queries/insertAnomalies.ts';
import { listAnomalies } from './queries/listAnomalies.ts';
import { listAnomaliesEndingAfter } from './queries/listAnomaliesEndingAfter.ts';
import { updateAnomaly } from './queries/updateAnomaly.ts';
import { type StoredAnomaly, toAnomalyRecord } from './StoredAnomaly.ts';
import { scanWorkspace } from './scanWorkspace.ts';

const DAY_MS = 86_400_000;

const notFound = () => new ApiError(404, 'anomaly_not_found', 'no such anomaly in this workspace');

/** Epoch ms of a list bound; a date-only end includes that day (as AnalyticsQuery's date ranges). */
function boundMs(value: string, end: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  return dateOnly && end ? ms + DAY_MS : ms;
}

/** What storing a scan's anomalies did. */
export interface AnomalyWriteCounts {
  detected: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What a scan did: its window, its work, and what storing its anomalies changed (the job's result). */
export interface AnomalyScanResult extends AnomalyWriteCounts {
  /** The hourly window scanned (the daily one ends at the start of today, UTC). */
  from: string;
  to: string;
  days: number;
  queries: number;
  series: number;
  /** Wall time until the last query answered (finished slice levels are detected meanwhile). */
  query_ms: number;
  /** Event-loop time of the detection. */
  detect_ms: number;
}

export interface AnomalyScanOptions {
  /** Days of whole buckets before now (default 90). */
  days?: number;
  /** Asked to stop (the job runner stopping): the scan throws before its next query and writes nothing. */
  signal?: AbortSignal;
  progress?: (fraction: number) => Promise<void>;
}

export const DEFAULT_SCAN_DAYS = 90;

export class AnomalyService {
  constructor(
    private readonly store: Store,
    private readonly analytics: AnalyticsService,
    private readonly events: EventBus,
    private readonly activity: ActivityService,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Newest first (by start). `sensitivity` shows anomalies at most that sensitive (medium: low and medium);
   * startDate/endDate keep those overlapping the window; model / provider keep that slice.
   */
  async list(workspaceId: string, query: AnomalyListQuery): Promise<AnomalyRecord[]> {
    const fromMs = query.startDate === undefined ? undefined : boundMs(query.startDate, false);
    const toMs = query.endDate === undefined ? undefined : boundMs(query.endDate, true);
    if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs)
      throw new ApiError(400, 'invalid_date_range', 'endDate must be after startDate');
    const rows = await listAnomalies(this.store, workspaceId, {
      sensitivities: ANOMALY_SENSITIVITIES.slice(0, ANOMALY_SENSITIVITIES.indexOf(query.sensitivity) + 1),
      fromMs,
      toMs,
      metric: query.metric,
      status: query.status,
      model: query.model,
      provider: query.provider,
      granularity: query.granularity,
      limit: query.limit,
    });
    return rows.map(toAnomalyRecord);
  }

  /**
   * Acknowledge, resolve or reopen. Acknowledging records who and when (once: a second acknowledge keeps the
   * first); resolving records who and when, keeping who acknowledged; reopening clears both. Setting the
   * status it already has changes nothing. 404 when the anomaly is not the workspace's (another workspace's id
   * is not found either).
   */
  async patch(workspaceId: string, actor: string, id: string, status: AnomalyStatus): Promise<AnomalyRecord> {
    const result = await this.store.transaction(async (tx) => {
      const row = await findAnomaly(tx, workspaceId, id);
      if (!row) throw notFound();
      if (row.status === status) return { row, from: status };
      const at = this.now();
      const next: StoredAnomaly = { ...row, status, updated_ms: at };
      if (status === 'open') {
        Object.assign(next, {
          acknowledged_by: null,
          acknowledged_ms: null,
          resolved_by: null,
          resolved_ms: null,
        });
      } else if (status === 'acknowledged') {
        Object.assign(next, { resolved_by: null, resolved_ms: null });
        if (next.acknowledged_by === null)
          Object.assign(next, { acknowledged_by: actor, acknowledged_ms: at });
      } else {
        Object.assign(next, { resolved_by: actor, resolved_ms: at });
      }
      await updateAnomaly(tx, next);
      return { row: next, from: row.status };
    });
    if (result.from !== status) {
      this.events.publish(workspaceId, {
        type: 'anomaly',
        data: { id, metric: result.row.metric, status, change: 'triaged' },
      });
      await this.activity.record(workspaceId, actor, 'anomaly.status', id, {
        metric: result.row.metric,
        from: result.from,
        to: status,
      });
    }
    return toAnomalyRecord(result.row);
  }

  /**
   * Scans the workspace (scanWorkspace.ts: one AnalyticsQuery per granularity, slice level and window part,
   * every watched metric in each) and stores what it finds (`record`).
   */
  async scan(workspaceId: string, options: AnomalyScanOptions = {}): Promise<AnomalyScanResult> {
    const days = options.days ?? DEFAULT_SCAN_DAYS;
    const out = await scanWorkspace(this.analytics, workspaceId, {
      nowMs: this.now(),
      days,
      signal: options.signal,
      progress: options.progress,
    });
    if (options.signal?.aborted) throw new Error('the scan was stopped');
    const since = Math.min(out.windows.hour.fromMs, out.windows.day.fromMs);
    const counts = await this.record(workspaceId, out.anomalies, since);
    await options.progress?.(1);
    return {
      from: new Date(out.windows.hour.fromMs).toISOString(),
      to: new Date(out.windows.hour.toMs).toISOString(),
      days,
      queries: out.queries,
      series: out.series,
      query_ms: Math.round(out.queryMs),
      detect_ms: Math.round(out.detectMs),
      ...counts,
    };
  }

  /**
   * Stores a scan's anomalies in one transaction (planAnomalyUpsert: a re-scan never duplicates and keeps
   * triage), then publishes `detected` / `updated` for each row written. `sinceMs`: the scan's first bucket.
   */
  async record(
    workspaceId: string,
    detected: readonly DetectedAnomaly[],
    sinceMs: number,
  ): Promise<AnomalyWriteCounts> {
    const plan = await this.store.transaction(async (tx) => {
      const stored = await listAnomaliesEndingAfter(tx, workspaceId, sinceMs);
      const p = planAnomalyUpsert(workspaceId, stored, detected, this.now());
      await insertAnomalies(tx, p.inserts);
      for (const r of p.updates) await updateAnomaly(tx, r);
      return p;
    });
    for (const [rows, change] of [
      [plan.inserts, 'detected'],
      [plan.updates, 'updated'],
    ] as const)
      for (const r of rows)
        this.events.publish(workspaceId, {
          type: 'anomaly',
          data: { id: r.id, metric: r.metric, status: r.status, change },
        });
    return {
      detected: detected.length,
      inserted: plan.inserts.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
    };
  }
}
