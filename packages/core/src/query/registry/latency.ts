// Owns latency metrics: average, exact percentiles and the SLA breach rate.
import type { MetricDef, PartialDef, RegistrySubject } from './types.ts';

const PERCENTILES = [50, 90, 95, 99] as const;

const FRACTIONS = PERCENTILES.map((p) => p / 100);

const percentilePartials: PartialDef[] = PERCENTILES.map((p, i) => ({
  id: `lat_p${p}`,
  grain: 'message',
  kind: 'holistic',
  sql: (x) => x.dialect.percentile(FRACTIONS, i, 'b.latency_ms'),
  columns: ['latency_ms'],
  percentile: { fraction: p / 100, column: 'latency_ms' },
}));

const percentileMetrics: MetricDef[] = PERCENTILES.map((p) => ({
  id: `latency_p${p}`,
  grain: 'message',
  sql: `{lat_p${p}}`,
  type: 'percentile',
  unit: 'ms',
  description: `Exact ${p}th percentile of latency_ms over messages that have one, linear interpolation (percentile_cont(${p / 100})).`,
  empty: null,
  direction: 'lower',
}));

export const latencySubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    {
      id: 'lat_n',
      grain: 'message',
      kind: 'additive',
      sql: () => 'count(b.latency_ms)',
      columns: ['latency_ms'],
    },
    {
      id: 'lat_sum',
      grain: 'message',
      kind: 'additive',
      sql: () => 'sum(b.latency_ms)',
      columns: ['latency_ms'],
    },
    {
      id: 'breach',
      grain: 'message',
      kind: 'additive',
      sql: (x) => x.dialect.countIf(`b.latency_ms > ${x.sla()}`),
      columns: ['latency_ms'],
    },
    ...percentilePartials,
  ],
  metrics: [
    {
      id: 'latency_avg',
      grain: 'message',
      sql: '{lat_sum} / NULLIF({lat_n}, 0)',
      type: 'average',
      unit: 'ms',
      description: 'Σ latency_ms / messages with a latency (messages without latency_ms are left out).',
      empty: null,
      direction: 'lower',
      per: 'timed_messages',
    },
    {
      id: 'timed_messages',
      grain: 'message',
      sql: '{lat_n}',
      type: 'count',
      unit: 'messages',
      description:
        'Messages that have a latency_ms (the denominator of `latency_avg` and `sla_breach_rate`).',
      empty: 0,
    },
    ...percentileMetrics,
    {
      id: 'sla_breach_rate',
      grain: 'message',
      sql: '100.0 * {breach} / NULLIF({lat_n}, 0)',
      type: 'rate',
      unit: 'percent',
      description:
        'Messages with latency_ms > the workspace SLA threshold / messages with a latency × 100 (threshold from settings `sla_threshold_ms`).',
      empty: null,
      direction: 'lower',
      per: 'timed_messages',
    },
  ],
  dimensions: [
    {
      id: 'latency',
      grain: 'message',
      sql: (x) => `${x.m}.latency_ms`,
      columns: ['latency_ms'],
      type: 'number',
      unit: 'ms',
      description:
        'The message `latency_ms` itself (null without one): experiments group by conversation and latency to bootstrap latency percentiles. Message metrics only.',
      groupable: true,
      messageMetricsOnly: true,
    },
  ],
};
