// Owns the dashboard's payload as AnalyticsQuery objects: the requests one load of the six sections sends with
// the default header (comparison on), after the web client coalesces queries that differ only in metrics
// (packages/web/src/api/queryBatcher.ts). The browser test in test/web/dashboard.test.ts checks that a real
// dashboard load sends exactly these, so benchmarks run what the dashboard needs.
import type { AnalyticsQuery, DateRange, Filter } from '@llm-analytics/core';

export interface DashboardQuery {
  /** The widgets one request serves. */
  widget: string;
  query: AnalyticsQuery;
}

/** The requests one dashboard load sends for `date_range`, each narrowed by `filters` (the six filters). */
export function dashboardQueries(date_range: DateRange = '30d', filters?: Filter): DashboardQuery[] {
  const compare = date_range === 'all' ? {} : { compare: 'previous_period' as const };
  const q = (widget: string, query: Omit<AnalyticsQuery, 'date_range'>): DashboardQuery => ({
    widget,
    query: { date_range, ...(filters ? { filters } : {}), ...query },
  });
  const top = (metric: string, dimension: string): Omit<AnalyticsQuery, 'date_range'> => ({
    metrics: [metric],
    dimensions: [dimension],
    order_by: [[metric, 'desc']],
    limit: 20,
  });
  return [
    q('KPI cards', {
      metrics: [
        'messages',
        'conversations',
        'avg_rating',
        'success_rate',
        'error_rate',
        'latency_p95',
        'sla_breach_rate',
        'cost',
        'total_tokens',
      ],
      ...compare,
    }),
    q('Model + training tables', {
      metrics: [
        'messages',
        'avg_rating',
        'success_rate',
        'error_rate',
        'latency_p50',
        'latency_p95',
        'total_tokens',
        'cost',
        'cost_per_message',
        'unpriced_messages',
      ],
      dimensions: ['model', 'training_method', 'base_model'],
      order_by: [['messages', 'desc']],
    }),
    q('A/B sessions', {
      metrics: [
        'messages',
        'conversations',
        'avg_rating',
        'success_rate',
        'error_rate',
        'latency_p95',
        'cost_per_message',
        'unpriced_messages',
      ],
      dimensions: ['session', 'experiment'],
      order_by: [['messages', 'desc']],
      limit: 50,
    }),
    q('Rating distribution', {
      metrics: ['evaluations'],
      dimensions: ['rating'],
      order_by: [['rating', 'asc']],
    }),
    q('Over time: success, latency, SLA, tokens', {
      metrics: [
        'success_rate',
        'latency_p50',
        'latency_p90',
        'latency_p95',
        'latency_p99',
        'sla_breach_rate',
        'input_tokens',
        'output_tokens',
      ],
      dimensions: ['time'],
      granularity: 'auto',
      order_by: [['time', 'asc']],
      ...compare,
    }),
    q('Judgments breakdown', top('evaluations', 'failure_tag')),
    q('Conversation length', {
      metrics: ['conversations'],
      dimensions: ['conversation_length'],
      order_by: [['conversation_length', 'asc']],
    }),
    q('Cost by model over time', {
      metrics: ['cost'],
      dimensions: ['time', 'model'],
      granularity: 'auto',
      order_by: [['time', 'asc']],
    }),
    q('Tool performance', { ...top('tool_calls', 'tool'), metrics: ['tool_calls', 'tool_success_rate'] }),
    q('Error breakdown', top('errors', 'error_type')),
  ];
}
