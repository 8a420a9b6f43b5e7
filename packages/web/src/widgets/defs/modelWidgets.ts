// Owns the widget declarations of the Model & Training section.

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
          // Not a column: it marks the rows whose cost leaves messages unpriced.
          UNPRICED_METRIC,
        ],
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
        metrics: [
          'messages',
          'conversations',
          'avg_rating',
          'success_rate',
          'error_rate',
          'latency_p95',
          'cost_per_message',
          UNPRICED_METRIC,
        ],
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
        { key: 'messages', label: 'Messages', unit: 'count' },
        { key: 'conversations', label: 'Conversations', unit: 'count' },
        { key: 'avg_rating', label: 'Avg rating', unit: 'rating' },
        { key: 'success_rate', label: 'Success', unit: 'percent' },
        { key: 'error_rate', label: 'Errors', unit: 'percent' },
        { key: 'latency_p95', label: 'p95', unit: 'ms' },
        { key: 'cost_per_message', label: 'Cost / msg', unit: 'usd' },
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
];
