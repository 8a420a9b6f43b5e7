// Owns the seed's metric groups of GET /api/analytics/data: which registry metrics each group reads, and how
// AnalyticsQuery result rows become the seed's datapoints (one per time bucket, gaps filled, camelCase fields).
import {
  type AnalyticsReply,
  type DataPoint,
  type DataSeries,
  registry,
  type TimeBucket,
  type TimeWindow,
  truncateUtc,
} from '@llm-analytics/core';
import { camel } from './seedParams.ts';

export const METRIC_GROUPS = ['tokens', 'quality', 'latency', 'errors', 'tools', 'conversations'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface GroupDef {
  /** Key under `data.metrics` in the seed's response. */
  key: DataSeries;
  metrics: string[];
  /** A per-bucket breakdown: the dimension, the field it lands in and the metrics it carries. */
  breakdown?: { dimension: string; field: string; metrics: string[] };
}

export const GROUPS: Record<MetricGroup, GroupDef> = {
  tokens: {
    key: 'tokenUsage',
    metrics: ['messages', 'input_tokens', 'output_tokens', 'total_tokens', 'cost'],
  },
  quality: { key: 'quality', metrics: ['evaluations', 'avg_rating', 'success_rate', 'failures'] },
  latency: {
    key: 'latency',
    metrics: ['latency_avg', 'latency_p50', 'latency_p90', 'latency_p95', 'latency_p99', 'sla_breach_rate'],
  },
  errors: {
    key: 'errors',
    metrics: ['messages', 'errors', 'error_rate'],
    breakdown: { dimension: 'error_type', field: 'byType', metrics: ['errors'] },
  },
  tools: {
    key: 'tools',
    metrics: ['tool_calls', 'tool_success_rate'],
    breakdown: { dimension: 'tool', field: 'byTool', metrics: ['tool_calls', 'tool_success_rate'] },
  },
  conversations: {
    key: 'conversations',
    metrics: ['conversations', 'messages', 'users', 'messages_per_conversation'],
  },
};

const STEP_MS: Record<TimeBucket, number> = { hour: 3.6e6, day: 8.64e7, week: 6.048e8, month: 2.7648e9 };
const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** Start of every bucket the window touches, in the compiler's ISO form (`2025-01-31T00:00:00Z`). */
export function bucketStarts(window: TimeWindow, bucket: TimeBucket): string[] {
  const out: string[] = [];
  for (let t = truncateUtc(window.from, bucket); t < window.to; ) {
    out.push(iso(t));
    // From a bucket start, one step (32 days for months) always lands inside the next bucket.
    t = truncateUtc(new Date(t.getTime() + STEP_MS[bucket]), bucket);
  }
  return out;
}

function values(row: Record<string, unknown> | undefined, metrics: string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const id of metrics) {
    const v = row?.[id];
    out[camel(id)] = typeof v === 'number' ? v : (registry.metrics.get(id)?.empty ?? null);
  }
  return out;
}

/**
 * Datapoints of one group. `series` is grouped by time (absent for period=all: one point at `timestamps[0]`),
 * `breakdown` by time and the group's breakdown dimension. Buckets without data get each metric's empty value.
 */
export function toDataPoints(
  group: GroupDef,
  timestamps: string[],
  series: AnalyticsReply,
  breakdown: AnalyticsReply | undefined,
  byTime: boolean,
): DataPoint[] {
  const key = (r: Record<string, unknown>) => (byTime ? String(r.time) : timestamps[0]);
  const rows = new Map(series.rows.map((r) => [key(r), r]));
  const parts = new Map<string, Record<string, unknown>>();
  if (group.breakdown && breakdown) {
    const b = group.breakdown;
    for (const r of breakdown.rows) {
      const name = r[b.dimension];
      if (name === null || name === undefined || name === '') continue;
      const slot = parts.get(key(r)) ?? {};
      const v = values(r, b.metrics);
      slot[String(name)] = b.metrics.length === 1 ? v[camel(b.metrics[0])] : v;
      parts.set(key(r), slot);
    }
  }
  return timestamps.map((timestamp) => {
    const point: DataPoint = { timestamp, ...values(rows.get(timestamp), group.metrics) };
    if (group.breakdown) point[group.breakdown.field] = parts.get(timestamp) ?? {};
    return point;
  });
}

/** The totals over the window of every requested group, camelCase, plus unpriced messages when cost is in. */
export function toAggregations(totals: AnalyticsReply): Record<string, number | null> {
  const out = values(
    totals.rows[0],
    totals.meta.metrics.map((m) => m.id),
  );
  if (totals.meta.unpriced_messages !== undefined) out.unpricedMessages = totals.meta.unpriced_messages;
  return out;
}
