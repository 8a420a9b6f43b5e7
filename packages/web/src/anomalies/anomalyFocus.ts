// Owns what a click on an anomaly does to the dashboard: its slice as the model / provider filter and its
// period, widened by a margin so the change shows against what came before and after.
import type { AnomalyRecord } from '@llm-analytics/core';
import { type DashboardState, EMPTY_FILTERS } from '../state/DashboardState.ts';

const DAY = 86_400_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The dashboard state patch showing `a`: a custom range (whole UTC days) from start − margin to end + margin,
 * the margin the anomaly's own length but at least a day (hourly) or three days (daily); and its slice as the
 * only filter (overall: no filter).
 */
export function anomalyFocus(
  a: Pick<AnomalyRecord, 'start' | 'end' | 'granularity' | 'slice'>,
): Pick<DashboardState, 'range' | 'customFrom' | 'customTo' | 'filters'> {
  const start = Date.parse(a.start);
  const end = Date.parse(a.end);
  const margin = Math.max(end - start, a.granularity === 'day' ? 3 * DAY : DAY);
  const value = a.slice.value;
  return {
    range: 'custom',
    customFrom: day(start - margin),
    // The range's end day is inclusive: an anomaly ending at midnight ends on the day before.
    customTo: day(end + margin - 1),
    filters: {
      ...EMPTY_FILTERS,
      models: a.slice.dimension === 'model' && value ? [value] : [],
      providers: a.slice.dimension === 'provider' && value ? [value] : [],
    },
  };
}
