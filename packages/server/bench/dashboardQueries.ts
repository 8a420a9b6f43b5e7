// Owns the dashboard's payload as AnalyticsQuery objects: every widget of issue 5's six sections that reads
// aggregates, in one list, so benchmarks (and anyone checking the dashboard's load) run exactly what it needs.
import type { AnalyticsQuery, DateRange, Filter } from '@llm-analytics/core';

export interface DashboardQuery {
  section: string;
  widget: string;
  query: AnalyticsQuery;
}

/** The queries one dashboard load issues for `date_range`, each narrowed by `filters` (the six filters). */
export function dashboardQueries(date_range: DateRange = '30d', filters?: Filter): DashboardQuery[] {
  const q = (section: string, widget: string, query: Omit<AnalyticsQuery, 'date_range'>): DashboardQuery => ({
    section,
    widget,
    query: { ...query, date_range, ...(filters ? { filters } : {}) },
  });
  return [
    q('KPIs', 'MetricsOverview', {
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
      compare: 'previous_period',
    }),
    q('1 Model & Training', 'ModelPerformanceTable', {
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
      ],
      dimensions: ['model'],
    }),
    q('1 Model & Training', 'SessionComparisonTable', {
      metrics: [
        'messages',
        'conversations',
        'avg_rating',
        'success_rate',
        'error_rate',
        'latency_p95',
        'cost',
      ],
      dimensions: ['session', 'experiment'],
    }),
    q('1 Model & Training', 'TrainingEffectivenessChart', {
      metrics: ['messages', 'avg_rating', 'success_rate', 'error_rate', 'latency_p95', 'cost_per_message'],
      dimensions: ['training_method', 'base_model'],
    }),
    q('2 Quality', 'RatingDistribution', { metrics: ['evaluations'], dimensions: ['rating'] }),
    q('2 Quality', 'SuccessRateChart', {
      metrics: ['success_rate', 'evaluations'],
      dimensions: ['time'],
      granularity: 'day',
    }),
    q('2 Quality', 'JudgmentsBreakdown', { metrics: ['evaluations'], dimensions: ['failure_tag'] }),
    q('3 Performance & SLA', 'ConversationLengthChart', {
      metrics: ['conversations'],
      dimensions: ['conversation_length'],
    }),
    q('3 Performance & SLA', 'ResponseTimeChart', {
      metrics: ['latency_p50', 'latency_p90', 'latency_p95', 'latency_p99'],
      dimensions: ['time'],
      granularity: 'day',
    }),
    q('3 Performance & SLA', 'SLABreachChart', {
      metrics: ['sla_breach_rate'],
      dimensions: ['time'],
      granularity: 'day',
    }),
    q('4 Cost', 'TokenUsageChart', {
      metrics: ['input_tokens', 'output_tokens'],
      dimensions: ['time'],
      granularity: 'day',
    }),
    q('4 Cost', 'CostTrackingChart', {
      metrics: ['cost'],
      dimensions: ['time', 'model'],
      granularity: 'day',
    }),
    q('5 Operations', 'ToolPerformanceChart', {
      metrics: ['tool_calls', 'tool_success_rate'],
      dimensions: ['tool'],
    }),
    q('5 Operations', 'ErrorBreakdownChart', { metrics: ['errors'], dimensions: ['error_type'] }),
  ];
}
