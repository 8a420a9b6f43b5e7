// Owns the editor's defaults: a new condition of each kind, and the labels the kind picker shows.
import type { CohortCondition } from '../api/types';

export type ConditionKind = CohortCondition['kind'];

export const CONDITION_KINDS: { kind: ConditionKind; label: string }[] = [
  { kind: 'activity', label: 'Activity (conversations or messages)' },
  { kind: 'first_seen', label: 'First seen in a period' },
  { kind: 'used', label: 'Used a model, provider, training method or the widget' },
  { kind: 'rating', label: 'Gave a rating of at most' },
  { kind: 'error', label: 'Hit an error' },
  { kind: 'filter', label: 'Any filter (JSON filter tree)' },
];

export function newCondition(kind: ConditionKind): CohortCondition {
  switch (kind) {
    case 'activity':
      return { kind, metric: 'conversations', min: 5, date_range: '30d' };
    case 'first_seen':
      return { kind, date_range: '30d' };
    case 'used':
      return { kind, dimension: 'widget', values: [true] };
    case 'rating':
      return { kind, at_most: 2 };
    case 'error':
      return { kind };
    case 'filter':
      return { kind, filter: ['eq', 'model', ''] };
  }
}
