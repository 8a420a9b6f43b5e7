// Owns the one-line reading of a rule's condition: "Error rate > 5.0% over 60 min, per model, for 10 min".
import { type AlertComparator, type AlertCondition, metricDisplay } from '@llm-analytics/core';
import { formatValue } from '../ui/format.ts';

export const COMPARATOR_SIGNS: Record<AlertComparator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤' };

const minutes = (n: number) => (n % 1440 === 0 ? `${n / 1440} d` : n % 60 === 0 ? `${n / 60} h` : `${n} min`);

export function sliceSummary(slice: AlertCondition['slice']): string {
  if (slice.dimension === 'overall') return 'all traffic';
  return slice.value ? `${slice.dimension} ${slice.value}` : `per ${slice.dimension}`;
}

export function conditionSummary(c: AlertCondition): string {
  const held = c.for_minutes > 0 ? `, for ${minutes(c.for_minutes)}` : '';
  if (c.type === 'anomaly') {
    const what = c.metric ? metricDisplay(c.metric).label : 'Any watched metric';
    return `${what}: an anomaly at ${c.sensitivity} sensitivity, ${sliceSummary(c.slice)}${held}`;
  }
  const m = metricDisplay(c.metric);
  return `${m.label} ${COMPARATOR_SIGNS[c.comparator]} ${formatValue(c.threshold, m.unit)} over ${minutes(c.window_minutes)}, ${sliceSummary(c.slice)}${c.filters ? ', filtered' : ''}${held}`;
}
