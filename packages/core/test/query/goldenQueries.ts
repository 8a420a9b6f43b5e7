// Owns the query shapes the golden SQL snapshots cover: every registry metric alone, then one query per
// strategy the compiler chooses (dimensions, time buckets, filters, comparison, histogram, priced cost, rollups).
import type { AnalyticsQuery } from '../../src/query/AnalyticsQuery.ts';
import { registry } from '../../src/query/registry/registry.ts';

/** The dashboard's six header filters, as the web client sends them (all set). */
const HEADER_FILTERS: AnalyticsQuery['filters'] = [
  'and',
  [
    ['in', 'model', ['gpt-4o', 'claude']],
    ['eq', 'training_method', 'sft'],
    ['eq', 'experiment', 'exp-a'],
    ['eq', 'widget', true],
    ['eq', 'role', 'assistant'],
    ['eq', 'provider', 'openai'],
  ],
];

const SHAPES: Record<string, AnalyticsQuery> = {
  'by-time-auto-day': { metrics: ['messages', 'errors'], dimensions: ['time'], date_range: '30d' },
  'by-time-hour': { metrics: ['messages'], dimensions: ['time'], granularity: 'hour', date_range: '7d' },
  'by-time-week': {
    metrics: ['conversations'],
    dimensions: ['time'],
    date_range: '90d',
    granularity: 'week',
  },
  'by-time-all-month': {
    metrics: ['messages'],
    dimensions: ['time'],
    granularity: 'month',
    date_range: 'all',
  },
  'by-model-provider': {
    metrics: ['messages', 'input_tokens'],
    dimensions: ['model', 'provider'],
    date_range: '30d',
  },
  'by-role-uncoded': { metrics: ['messages'], dimensions: ['role'], date_range: '30d' },
  'by-user-widget': { metrics: ['users', 'messages'], dimensions: ['user', 'widget'], date_range: '30d' },
  // Cohorts: one semi-join on the membership table as a filter; one membership join as a dimension.
  'cohort-filter-with-header': {
    metrics: ['messages', 'cost', 'avg_rating', 'tool_calls'],
    filters: ['and', [['in', 'cohort', ['c-1', 'c-2']], HEADER_FILTERS!]],
    date_range: '30d',
  },
  'cohort-not-in': { metrics: ['users'], filters: ['not_in', 'cohort', ['c-1']], date_range: '7d' },
  'by-cohort-model-metrics': {
    metrics: ['messages', 'cost', 'latency_p95', 'avg_rating', 'success_rate', 'users'],
    dimensions: ['cohort'],
    filters: ['in', 'cohort', ['c-1', 'c-2']],
    date_range: '30d',
  },
  'explicit-range-order-limit': {
    metrics: ['messages', 'errors'],
    dimensions: ['error_type'],
    date_range: { from: '2025-05-01', to: '2025-05-15' },
    order_by: [['errors', 'desc']],
    limit: 20,
  },
  'priced-cost-by-model': { metrics: ['cost', 'cost_per_message'], dimensions: ['model'], date_range: '30d' },
  'priced-late-model-dims': {
    metrics: ['cost', 'unpriced_messages'],
    dimensions: ['model', 'training_method', 'base_model'],
    date_range: '30d',
  },
  'priced-model-filter-joins': {
    metrics: ['cost'],
    dimensions: ['training_method'],
    date_range: '30d',
    filters: ['eq', 'base_model', 'llama'],
  },
  'priced-with-holistic': {
    metrics: ['cost', 'conversations', 'latency_p95'],
    dimensions: ['session'],
    date_range: '30d',
  },
  'priced-spread-by-tool': { metrics: ['cost', 'tool_calls'], dimensions: ['tool'], date_range: '30d' },
  'unpriced-alone': { metrics: ['unpriced_messages'], date_range: '7d' },
  'histogram-percentiles': {
    metrics: ['latency_p50', 'latency_p90', 'latency_p95', 'latency_p99', 'messages'],
    date_range: '30d',
  },
  'percentiles-by-time': { metrics: ['latency_p50', 'latency_p99'], dimensions: ['time'], date_range: '30d' },
  'compare-kpis-one-statement': {
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
    date_range: '30d',
    compare: 'previous_period',
  },
  'compare-additive-one-statement': {
    metrics: ['messages', 'errors'],
    date_range: '7d',
    compare: 'previous_period',
  },
  'compare-by-time-two-statements': {
    metrics: ['success_rate', 'latency_p50', 'input_tokens'],
    dimensions: ['time'],
    date_range: '30d',
    compare: 'previous_period',
  },
  'compare-length-filter-two-statements': {
    metrics: ['messages'],
    date_range: '30d',
    compare: 'previous_period',
    filters: ['gte', 'conversation_length', 3],
  },
  'rollup-conversation-length': {
    metrics: ['conversations'],
    dimensions: ['conversation_length'],
    date_range: '30d',
    order_by: [['conversation_length', 'asc']],
  },
  'rollup-conversation-length-filtered': {
    metrics: ['conversations'],
    dimensions: ['conversation_length'],
    date_range: '30d',
    filters: [
      'and',
      [
        ['eq', 'model', 'gpt-4o'],
        ['in', 'rating', [4, 5]],
      ],
    ],
  },
  'length-join-not-rollup': {
    metrics: ['messages', 'conversations'],
    dimensions: ['conversation_length'],
    date_range: '30d',
  },
  'shared-base-cte': {
    metrics: ['cost', 'conversations'],
    dimensions: ['model'],
    date_range: '30d',
    filters: ['gte', 'conversation_length', 2],
  },
  'bridge-rating': { metrics: ['messages', 'latency_avg'], dimensions: ['rating'], date_range: '30d' },
  'bridge-failure-tag-filtered': {
    metrics: ['messages'],
    dimensions: ['failure_tag'],
    date_range: '30d',
    filters: [
      'and',
      [
        ['eq', 'success', false],
        ['eq', 'model', 'gpt-4o'],
      ],
    ],
  },
  'evaluations-by-failure-tag': {
    metrics: ['evaluations'],
    dimensions: ['failure_tag'],
    date_range: '30d',
    order_by: [['evaluations', 'desc']],
    limit: 20,
  },
  'evaluations-by-rating': { metrics: ['evaluations'], dimensions: ['rating'], date_range: '30d' },
  'tools-by-tool': { metrics: ['tool_calls', 'tool_success_rate'], dimensions: ['tool'], date_range: '30d' },
  'mixed-grains-by-model': {
    metrics: ['messages', 'avg_rating', 'tool_calls', 'evaluators'],
    dimensions: ['model'],
    date_range: '30d',
  },
  'evaluation-metrics-by-tool': {
    metrics: ['evaluations', 'avg_rating'],
    dimensions: ['tool'],
    date_range: '30d',
  },
  'filters-header': {
    metrics: ['messages', 'cost', 'avg_rating'],
    dimensions: ['time'],
    date_range: '30d',
    filters: HEADER_FILTERS,
  },
  'filters-nested-not-or': {
    metrics: ['messages', 'evaluations'],
    date_range: '30d',
    filters: [
      'or',
      [
        ['not', ['in', 'provider', ['openai', 'anthropic']]],
        [
          'and',
          [
            ['contains', 'failure_tag', 'halluc'],
            ['neq', 'error_type', 'timeout'],
          ],
        ],
        ['eq', 'tool', 'search'],
      ],
    ],
  },
  'filters-ranges': {
    metrics: ['messages'],
    date_range: '30d',
    filters: [
      'and',
      [
        ['gte', 'time', '2025-05-10T00:00:00Z'],
        ['lte', 'time', '2025-05-20T00:00:00Z'],
        ['gte', 'rating', 3],
        ['contains', 'user', 'bob'],
      ],
    ],
  },
  'filters-not-in-session': {
    metrics: ['messages'],
    dimensions: ['session', 'experiment'],
    date_range: '30d',
    filters: ['not_in', 'session', ['s1', 's2']],
  },
};

/** Case name → query, every metric alone first (`metric-<id>`), then the shapes. */
export const GOLDEN_QUERIES: Record<string, AnalyticsQuery> = {
  ...Object.fromEntries(
    [...registry.metrics.keys()].map((id) => [`metric-${id}`, { metrics: [id], date_range: '30d' }]),
  ),
  ...SHAPES,
};
