// Owns the widget declarations of the Model & Training section.
import { MODEL_TABLE_COLUMNS, SESSION_TABLE_COLUMNS } from '@llm-analytics/core';

import { tracesHref } from '../../traces/traceFilters.ts';
import { notNull, q, UNPRICED_METRIC } from '../queryParts.ts';
import type { WidgetDef } from '../WidgetDef.ts';

const MODEL_DIMS = ['model', 'training_method', 'base_model'];

export const modelWidgets: WidgetDef[] = [
  {
    id: 'model-performance',
    section: 'model',
    title: 'Model performance',
    description: 'Every model side by side. Click a column to sort.',
    query: (s) =>
      q(s, {
        // UNPRICED_METRIC is not a column: it marks the rows whose cost leaves messages unpriced.
        metrics: [...MODEL_TABLE_COLUMNS.map((c) => c.key), UNPRICED_METRIC],
        // Same dimensions and order as training-effectiveness (a model has one method and base), so the
        // two coalesce into one request.
        dimensions: MODEL_DIMS,
        order_by: [['messages', 'desc']],
      }),
    rowFilter: notNull('model'),
    view: {
      kind: 'table',
      sortBy: 'messages',
      columns: [
        { key: 'model', label: 'Model', href: (model) => tracesHref({ model }) },
        ...MODEL_TABLE_COLUMNS,
      ],
    },
    empty: 'No model-attributed messages',
    wide: true,
  },
  {
    id: 'session-comparison',
    section: 'model',
    title: 'A/B sessions',
    description:
      'Sessions and experiments compared on quality, latency and cost; with an experiment defined, each session against its control.',
    query: (s) =>
      q(s, {
        metrics: [...SESSION_TABLE_COLUMNS.map((c) => c.key), UNPRICED_METRIC],
        dimensions: ['session', 'experiment'],
        order_by: [['messages', 'desc']],
        limit: 50,
      }),
    rowFilter: notNull('session'),
    view: {
      kind: 'sessions',
      sortBy: 'messages',
      columns: [
        { key: 'session', label: 'Session' },
        { key: 'experiment', label: 'Experiment' },
        ...SESSION_TABLE_COLUMNS,
      ],
    },
    empty: 'No messages carry a session id',
    wide: true,
  },
  {
    id: 'training-effectiveness',
    section: 'model',
    title: 'Training effectiveness',
    description:
      'Fine-tunes (SFT, DPO, RLHF) against their base model: success rate and the delta to the base.',
    query: (s) =>
      q(s, {
        metrics: ['success_rate', 'avg_rating', 'error_rate', 'latency_p95', 'messages'],
        dimensions: MODEL_DIMS,
        order_by: [['messages', 'desc']],
      }),
    rowFilter: notNull('model'),
    view: { kind: 'training' },
    empty: 'No messages from models with a registered training method',
    wide: true,
  },
  {
    id: 'benchmark-analysis',
    section: 'model',
    title: 'Benchmarks',
    description:
      'Accuracy per benchmark and model (95% intervals), fine-tunes against their base on the same items, runs over time, and the items a model newly fails. Date range only: filters do not apply to benchmark results.',
    query: null,
    view: { kind: 'benchmarks' },
    empty: 'No benchmark results',
    wide: true,
  },
];
