// Owns the widget declarations of the Operations and Workspace Activity sections.

import { notNull, q } from '../queryParts.ts';
import type { WidgetDef } from '../WidgetDef.ts';

export const operationsWidgets: WidgetDef[] = [
  {
    id: 'anomaly-feed',
    section: 'operations',
    title: 'Anomalies',
    description:
      'Metrics that left their expected range (success, rating, errors, latency, SLA, tools, cost, volume), overall and per model and provider. Click one to see its slice and period.',
    query: null,
    view: { kind: 'anomalies' },
    empty: 'No anomalies found',
    wide: true,
  },
  {
    id: 'tool-performance',
    section: 'operations',
    title: 'Tool performance',
    description: 'Calls per tool and their success rate.',
    query: (s) =>
      q(s, {
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
    empty: 'No tool calls',
  },
  {
    id: 'error-breakdown',
    section: 'operations',
    title: 'Errors by type',
    description: 'Failed model calls by error type.',
    query: (s) =>
      q(s, { metrics: ['errors'], dimensions: ['error_type'], order_by: [['errors', 'desc']], limit: 20 }),
    rowFilter: (r) => notNull('error_type')(r) && Number(r.errors) > 0,
    view: {
      kind: 'bars',
      category: 'error_type',
      series: [{ metric: 'errors', label: 'Errors' }],
      unit: 'count',
    },
    empty: 'No errors',
  },
  {
    id: 'activity-feed',
    section: 'activity',
    title: 'Recent activity',
    description: 'The latest 50 events of the workspace activity log.',
    query: null,
    view: { kind: 'activity' },
    empty: 'No activity recorded',
    wide: true,
  },
];
