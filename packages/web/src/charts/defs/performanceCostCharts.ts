// Owns the chart registry entries of the Performance & SLA and Cost sections.
import type { ChartEntry } from '../ChartEntry';
import { notNull, overTime, q } from '../queryParts';
import { CategoryChart, PivotChart, TimeSeriesChart } from '../renderers';

export const performanceCostCharts: ChartEntry[] = [
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
];
