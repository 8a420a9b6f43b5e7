// Owns reading what a rule watches, per slice: a threshold rule's metric through the analytics query road, an
// anomaly rule's open anomalies through the anomaly service.
import {
  type AlertCondition,
  type AlertSlice,
  type AnalyticsQuery,
  type AnomalyListQuery,
  type AnomalyRecord,
  breaches,
  type Filter,
} from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';

/** What alert rules read anomalies through (the anomaly service, issue 19 item 1). */
export interface AnomalyLister {
  list(workspaceId: string, query: AnomalyListQuery): Promise<AnomalyRecord[]>;
}

export interface SliceObservation {
  value: number | null;
  breached: boolean;
  anomalyId: string | null;
}

const MINUTE = 60_000;

/** The AnalyticsQuery of a threshold rule at `nowMs`: its metric over the window, one row per slice value. */
export function thresholdQuery(
  c: Extract<AlertCondition, { type: 'threshold' }>,
  nowMs: number,
): AnalyticsQuery {
  const sliceFilter: Filter | undefined =
    c.slice.dimension !== 'overall' && c.slice.value !== undefined
      ? ['eq', c.slice.dimension, c.slice.value]
      : undefined;
  const filters =
    c.filters && sliceFilter ? (['and', [c.filters, sliceFilter]] as Filter) : (c.filters ?? sliceFilter);
  return {
    metrics: [c.metric],
    ...(c.slice.dimension !== 'overall' && c.slice.value === undefined
      ? { dimensions: [c.slice.dimension] }
      : {}),
    ...(filters ? { filters } : {}),
    date_range: {
      from: new Date(nowMs - c.window_minutes * MINUTE).toISOString(),
      to: new Date(nowMs).toISOString(),
    },
  };
}

function keyOf(slice: AlertSlice, value?: string): string {
  return slice.dimension === 'overall' ? 'overall' : `${slice.dimension}:${value ?? slice.value}`;
}

/** The slice keys seen now and what each shows; slices not seen have no data. */
export async function observeRule(
  analytics: AnalyticsService,
  anomalies: AnomalyLister | undefined,
  workspaceId: string,
  c: AlertCondition,
  nowMs: number,
): Promise<Map<string, SliceObservation>> {
  const out = new Map<string, SliceObservation>();
  if (c.type === 'threshold') {
    const reply = await analytics.query(workspaceId, thresholdQuery(c, nowMs), new Date(nowMs), {
      maxRows: 10_000,
    });
    for (const row of reply.rows) {
      const dimValue =
        c.slice.dimension !== 'overall' && c.slice.value === undefined ? row[c.slice.dimension] : undefined;
      if (dimValue === null) continue; // messages without a model or provider are no slice of it
      const raw = row[c.metric];
      const value = typeof raw === 'number' ? raw : null;
      out.set(keyOf(c.slice, dimValue === undefined ? undefined : String(dimValue)), {
        value,
        breached: breaches(value, c.comparator, c.threshold),
        anomalyId: null,
      });
    }
    return out;
  }
  if (!anomalies) return out;
  const list = await anomalies.list(workspaceId, {
    sensitivity: c.sensitivity,
    status: 'open',
    limit: 500,
    ...(c.metric ? { metric: c.metric } : {}),
    ...(c.slice.dimension === 'model' && c.slice.value ? { model: c.slice.value } : {}),
    ...(c.slice.dimension === 'provider' && c.slice.value ? { provider: c.slice.value } : {}),
  });
  for (const a of list) {
    if (a.slice.dimension !== c.slice.dimension) continue;
    if (c.slice.value !== undefined && a.slice.value !== c.slice.value) continue;
    const key = keyOf(c.slice, a.slice.value ?? undefined);
    if (!out.has(key)) out.set(key, { value: a.peak.value, breached: true, anomalyId: a.id });
  }
  return out;
}
