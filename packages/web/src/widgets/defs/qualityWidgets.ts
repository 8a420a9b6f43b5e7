// Owns the widget declarations of the Quality section.

import { notNull, overTime, q } from '../queryParts.ts';
import type { WidgetDef } from '../WidgetDef.ts';

export const qualityWidgets: WidgetDef[] = [
  {
    id: 'rating-distribution',
    section: 'quality',
    title: 'Rating distribution',
    description: 'Evaluations by rating, 1 to 5.',
    query: (s) => q(s, { metrics: ['evaluations'], dimensions: ['rating'], order_by: [['rating', 'asc']] }),
    rowFilter: notNull('rating'),
    view: {
      kind: 'bars',
      category: 'rating',
      series: [{ metric: 'evaluations', label: 'Evaluations' }],
      unit: 'count',
    },
    empty: 'No rated evaluations',
  },
  {
    id: 'success-rate',
    section: 'quality',
    title: 'Success rate over time',
    description: 'Successful evaluations / all evaluations.',
    query: (s) => overTime(s, ['success_rate']),
    view: {
      kind: 'timeseries',
      series: [{ metric: 'success_rate', label: 'Success rate' }],
      unit: 'percent',
      style: 'line',
    },
    empty: 'No evaluations',
  },
  {
    id: 'judgments-breakdown',
    section: 'quality',
    title: 'Failure reasons',
    description: 'Evaluations by failure tag.',
    query: (s) =>
      q(s, {
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
    empty: 'No evaluations carry a failure tag',
  },
  {
    id: 'judgments-table',
    section: 'quality',
    title: 'Judgment examples',
    description: 'Evaluated answers with their rating and failure tags.',
    query: null,
    view: { kind: 'judgments' },
    empty: 'No evaluated answers',
    wide: true,
  },
];
