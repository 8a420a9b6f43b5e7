// Owns the widget declarations of the Performance & SLA and Cost sections.

import { notNull, overTime, q } from '../queryParts.ts';
import type { WidgetDef } from '../WidgetDef.ts';

export const performanceCostWidgets: WidgetDef[] = [
  {
    id: 'conversation-length',
    section: 'performance',
    title: 'Conversation length',
    description: 'Conversations by number of messages.',
    query: (s) =>
      q(s, {
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
    empty: 'No conversations',
  },
  {
    id: 'response-time',
    section: 'performance',
    title: 'Response time',
    description: 'Latency percentiles over time (exact, linear interpolation).',
    query: (s) => overTime(s, ['latency_p50', 'latency_p90', 'latency_p95', 'latency_p99']),
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
    empty: 'No messages with a latency',
  },
  {
    id: 'sla-breach',
    section: 'performance',
    title: 'SLA breaches',
    description: 'Share of messages slower than the workspace SLA threshold.',
    query: (s) => overTime(s, ['sla_breach_rate']),
    view: {
      kind: 'timeseries',
      series: [{ metric: 'sla_breach_rate', label: 'Breach rate' }],
      unit: 'percent',
      style: 'bar',
    },
    empty: 'No messages with a latency',
  },
  {
    id: 'token-usage',
    section: 'cost',
    title: 'Token usage',
    description: 'Input and output tokens over time.',
    query: (s) => overTime(s, ['input_tokens', 'output_tokens']),
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
    empty: 'No token counts',
  },
  {
    id: 'cost-tracking',
    section: 'cost',
    title: 'Daily cost by model',
    description: 'Spend over time, stacked by model.',
    query: (s) => overTime(s, ['cost'], ['model']),
    view: { kind: 'pivot', split: 'model', metric: 'cost', unit: 'usd' },
    empty: 'No priced messages',
  },
];
