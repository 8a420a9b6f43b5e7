// Owns the chart registry entries of the Operations and Workspace Activity sections.
import type { ChartEntry } from '../ChartEntry';
import { notNull, q } from '../queryParts';
import { ActivityFeed, CategoryChart } from '../renderers';

export const operationsCharts: ChartEntry[] = [
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
