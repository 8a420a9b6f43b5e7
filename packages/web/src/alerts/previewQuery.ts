// Owns the AnalyticsQuery of the rule form's preview: the rule's metric over the last 30 days in its filters and
// slice (one series per model or provider when the rule watches each separately).
import type { AnalyticsQuery, Filter } from '@llm-analytics/core';
import type { RuleDraft } from './ruleDraft.ts';

/** Hourly values for windows under a day, daily ones otherwise. */
export function previewQuery(d: RuleDraft, filter: Filter | undefined): AnalyticsQuery {
  const leaves: Filter[] = [
    ...(filter ? [filter] : []),
    ...(d.sliceDimension !== 'overall' && d.sliceValue
      ? [['eq', d.sliceDimension, d.sliceValue] as Filter]
      : []),
  ];
  const perSlice = d.sliceDimension !== 'overall' && !d.sliceValue;
  const window = Number(d.windowMinutes);
  return {
    metrics: [d.metric],
    dimensions: perSlice ? ['time', d.sliceDimension] : ['time'],
    granularity: d.type === 'threshold' && Number.isFinite(window) && window < 1440 ? 'hour' : 'day',
    date_range: '30d',
    ...(leaves.length === 0 ? {} : { filters: leaves.length === 1 ? leaves[0] : ['and', leaves] }),
  };
}
