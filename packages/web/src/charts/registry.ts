// Owns the chart registry: every dashboard widget as data (id, section, title, its AnalyticsQuery, renderer).
import type { AnalyticsQuery } from '../api/types';
import type { QueryContext } from '../state/queryContext';
import { lazyComponent } from '../ui/lazyComponent';
import type { ChartEntry, ChartProps } from './ChartEntry';
import { ChartSkeleton } from './ChartSkeleton';

const SortableTable = lazyComponent<ChartProps>(
  () => import('../renderers/SortableTable').then((m) => m.SortableTable),
  ChartSkeleton,
);
const TimeSeriesChart = lazyComponent<ChartProps>(
  () => import('../renderers/TimeSeriesChart').then((m) => m.TimeSeriesChart),
  ChartSkeleton,
);
const CategoryChart = lazyComponent<ChartProps>(
  () => import('../renderers/CategoryChart').then((m) => m.CategoryChart),
  ChartSkeleton,
);
const PivotChart = lazyComponent<ChartProps>(
  () => import('../renderers/PivotChart').then((m) => m.PivotChart),
  ChartSkeleton,
);
const TrainingEffectiveness = lazyComponent<ChartProps>(
  () => import('../renderers/TrainingEffectiveness').then((m) => m.TrainingEffectiveness),
  ChartSkeleton,
);
const JudgmentsTable = lazyComponent<ChartProps>(
  () => import('../renderers/JudgmentsTable').then((m) => m.JudgmentsTable),
  ChartSkeleton,
);
const ActivityFeed = lazyComponent<ChartProps>(
  () => import('../renderers/ActivityFeed').then((m) => m.ActivityFeed),
  ChartSkeleton,
);

/** The common part of every query: the header's date range and the filter panel's filter tree. */
function q(ctx: QueryContext, part: Omit<AnalyticsQuery, 'date_range'>): AnalyticsQuery {
  return { date_range: ctx.dateRange, ...(ctx.filter ? { filters: ctx.filter } : {}), ...part };
}
const overTime = (ctx: QueryContext, metrics: string[], extra: string[] = []): AnalyticsQuery =>
  q(ctx, { metrics, dimensions: ['time', ...extra], granularity: 'auto', order_by: [['time', 'asc']] });
const notNull = (key: string) => (row: Record<string, unknown>) => row[key] !== null && row[key] !== '';

export const CHARTS: ChartEntry[] = [
  {
    id: 'model-performance',
    section: 'model',
    title: 'Model performance',
    description: 'Every model side by side. Click a column to sort.',
    query: (ctx) =>
      q(ctx, {
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
        order_by: [['messages', 'desc']],
      }),
    rowFilter: notNull('model'),
    view: {
      kind: 'table',
      sortBy: 'messages',
      columns: [
        { key: 'model', label: 'Model' },
        { key: 'messages', label: 'Messages', unit: 'count' },
        { key: 'avg_rating', label: 'Avg rating', unit: 'rating' },
        { key: 'success_rate', label: 'Success', unit: 'percent' },
        { key: 'error_rate', label: 'Errors', unit: 'percent' },
        { key: 'latency_p50', label: 'p50', unit: 'ms' },
        { key: 'latency_p95', label: 'p95', unit: 'ms' },
        { key: 'total_tokens', label: 'Tokens', unit: 'tokens' },
        { key: 'cost', label: 'Cost', unit: 'usd' },
        { key: 'cost_per_message', label: 'Cost / msg', unit: 'usd' },
      ],
    },
    component: SortableTable,
    empty: 'No model-attributed messages',
    wide: true,
  },
  {
    id: 'session-comparison',
    section: 'model',
    title: 'A/B sessions',
    description: 'Sessions and experiments compared on quality, latency and cost.',
    query: (ctx) =>
      q(ctx, {
        metrics: [
          'messages',
          'conversations',
          'avg_rating',
          'success_rate',
          'error_rate',
          'latency_p95',
          'cost_per_message',
        ],
        dimensions: ['session', 'experiment'],
        order_by: [['messages', 'desc']],
        limit: 50,
      }),
    rowFilter: notNull('session'),
    view: {
      kind: 'table',
      sortBy: 'messages',
      columns: [
        { key: 'session', label: 'Session' },
        { key: 'experiment', label: 'Experiment' },
        { key: 'messages', label: 'Messages', unit: 'count' },
        { key: 'conversations', label: 'Conversations', unit: 'count' },
        { key: 'avg_rating', label: 'Avg rating', unit: 'rating' },
        { key: 'success_rate', label: 'Success', unit: 'percent' },
        { key: 'error_rate', label: 'Errors', unit: 'percent' },
        { key: 'latency_p95', label: 'p95', unit: 'ms' },
        { key: 'cost_per_message', label: 'Cost / msg', unit: 'usd' },
      ],
    },
    component: SortableTable,
    empty: 'No messages carry a session id',
    wide: true,
  },
  {
    id: 'training-effectiveness',
    section: 'model',
    title: 'Training effectiveness',
    description:
      'Fine-tunes (SFT, DPO, RLHF) against their base model: success rate and the delta to the base.',
    query: (ctx) =>
      q(ctx, {
        metrics: ['success_rate', 'avg_rating', 'error_rate', 'latency_p95', 'messages'],
        dimensions: ['model', 'training_method', 'base_model'],
      }),
    rowFilter: notNull('model'),
    view: { kind: 'custom' },
    component: TrainingEffectiveness,
    empty: 'No messages from models with a registered training method',
    wide: true,
  },
  {
    id: 'rating-distribution',
    section: 'quality',
    title: 'Rating distribution',
    description: 'Evaluations by rating, 1 to 5.',
    query: (ctx) =>
      q(ctx, { metrics: ['evaluations'], dimensions: ['rating'], order_by: [['rating', 'asc']] }),
    rowFilter: notNull('rating'),
    view: {
      kind: 'bars',
      category: 'rating',
      series: [{ metric: 'evaluations', label: 'Evaluations' }],
      unit: 'count',
    },
    component: CategoryChart,
    empty: 'No rated evaluations',
  },
  {
    id: 'success-rate',
    section: 'quality',
    title: 'Success rate over time',
    description: 'Successful evaluations / all evaluations.',
    query: (ctx) => overTime(ctx, ['success_rate']),
    view: {
      kind: 'timeseries',
      series: [{ metric: 'success_rate', label: 'Success rate' }],
      unit: 'percent',
      style: 'line',
    },
    component: TimeSeriesChart,
    empty: 'No evaluations',
  },
  {
    id: 'judgments-breakdown',
    section: 'quality',
    title: 'Failure reasons',
    description: 'Evaluations by failure tag.',
    query: (ctx) =>
      q(ctx, {
        metrics: ['evaluations'],
        dimensions: ['failure_tag'],
        order_by: [['evaluations', 'desc']],
        limit: 20,
      }),
    rowFilter: notNull('failure_tag'),
    view: {
      kind: 'bars',
      category: 'failure_tag',
      series: [{ metric: 'evaluations', label: 'Evaluations' }],
      unit: 'count',
    },
    component: CategoryChart,
    empty: 'No evaluations carry a failure tag',
  },
  {
    id: 'judgments-table',
    section: 'quality',
    title: 'Judgment examples',
    description: 'Evaluated answers with their rating and failure tags.',
    query: null,
    view: { kind: 'custom' },
    component: JudgmentsTable,
    empty: 'No evaluated answers',
    wide: true,
  },
  {
    id: 'conversation-length',
    section: 'performance',
    title: 'Conversation length',
    description: 'Conversations by number of messages.',
    query: (ctx) =>
      q(ctx, {
        metrics: ['conversations'],
        dimensions: ['conversation_length'],
        order_by: [['conversation_length', 'asc']],
      }),
    rowFilter: notNull('conversation_length'),
    view: {
      kind: 'bars',
      category: 'conversation_length',
      series: [{ metric: 'conversations', label: 'Conversations' }],
      unit: 'count',
    },
    component: CategoryChart,
    empty: 'No conversations',
  },
  {
    id: 'response-time',
    section: 'performance',
    title: 'Response time',
    description: 'Latency percentiles over time (exact, linear interpolation).',
    query: (ctx) => overTime(ctx, ['latency_p50', 'latency_p90', 'latency_p95', 'latency_p99']),
    view: {
      kind: 'timeseries',
      style: 'line',
      unit: 'ms',
      series: [
        { metric: 'latency_p50', label: 'p50' },
        { metric: 'latency_p90', label: 'p90' },
        { metric: 'latency_p95', label: 'p95' },
        { metric: 'latency_p99', label: 'p99' },
      ],
    },
    component: TimeSeriesChart,
    empty: 'No messages with a latency',
  },
  {
    id: 'sla-breach',
    section: 'performance',
    title: 'SLA breaches',
    description: 'Share of messages slower than the workspace SLA threshold.',
    query: (ctx) => overTime(ctx, ['sla_breach_rate']),
    view: {
      kind: 'timeseries',
      series: [{ metric: 'sla_breach_rate', label: 'Breach rate' }],
      unit: 'percent',
      style: 'bar',
    },
    component: TimeSeriesChart,
    empty: 'No messages with a latency',
  },
  {
    id: 'token-usage',
    section: 'cost',
    title: 'Token usage',
    description: 'Input and output tokens over time.',
    query: (ctx) => overTime(ctx, ['input_tokens', 'output_tokens']),
    view: {
      kind: 'timeseries',
      style: 'area',
      stack: true,
      unit: 'tokens',
      series: [
        { metric: 'input_tokens', label: 'Input' },
        { metric: 'output_tokens', label: 'Output' },
      ],
    },
    component: TimeSeriesChart,
    empty: 'No token counts',
  },
  {
    id: 'cost-tracking',
    section: 'cost',
    title: 'Daily cost by model',
    description: 'Spend over time, stacked by model.',
    query: (ctx) => overTime(ctx, ['cost'], ['model']),
    view: { kind: 'pivot', split: 'model', metric: 'cost', unit: 'usd' },
    component: PivotChart,
    empty: 'No priced messages',
  },
  {
    id: 'tool-performance',
    section: 'operations',
    title: 'Tool performance',
    description: 'Calls per tool and their success rate.',
    query: (ctx) =>
      q(ctx, {
        metrics: ['tool_calls', 'tool_success_rate'],
        dimensions: ['tool'],
        order_by: [['tool_calls', 'desc']],
        limit: 20,
      }),
    rowFilter: notNull('tool'),
    view: {
      kind: 'bars',
      category: 'tool',
      unit: 'count',
      series: [{ metric: 'tool_calls', label: 'Calls' }],
      secondary: { metric: 'tool_success_rate', label: 'Success rate', unit: 'percent' },
    },
    component: CategoryChart,
    empty: 'No tool calls',
  },
  {
    id: 'error-breakdown',
    section: 'operations',
    title: 'Errors by type',
    description: 'Failed model calls by error type.',
    query: (ctx) =>
      q(ctx, { metrics: ['errors'], dimensions: ['error_type'], order_by: [['errors', 'desc']], limit: 20 }),
    rowFilter: (r) => notNull('error_type')(r) && Number(r.errors) > 0,
    view: {
      kind: 'bars',
      category: 'error_type',
      series: [{ metric: 'errors', label: 'Errors' }],
      unit: 'count',
    },
    component: CategoryChart,
    empty: 'No errors',
  },
  {
    id: 'activity-feed',
    section: 'activity',
    title: 'Recent activity',
    description: 'The latest 50 events of the workspace activity log.',
    query: null,
    view: { kind: 'custom' },
    component: ActivityFeed,
    empty: 'No activity recorded',
    wide: true,
  },
];
