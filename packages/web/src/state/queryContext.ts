// Owns the query context every chart builds its AnalyticsQuery from: date range, filters, comparison.
import type { AnalyticsQuery } from '../api/types';
import type { WidgetQueryState } from '../widgets/WidgetDef';
import { activeFilterCount, buildFilter } from './buildFilter';
import type { DashboardState } from './DashboardState';

export interface QueryContext extends WidgetQueryState {
  rangeLabel: string;
  filtersActive: boolean;
}

const LABELS: Record<string, string> = {
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
  '90d': 'the last 90 days',
  all: 'all time',
};

export function queryContext(s: DashboardState): QueryContext {
  const custom = s.range === 'custom';
  const dateRange: AnalyticsQuery['date_range'] =
    s.range === 'custom' ? { from: `${s.customFrom}T00:00:00Z`, to: `${s.customTo}T23:59:59Z` } : s.range;
  return {
    dateRange,
    filter: buildFilter(s.filters),
    compare: s.compare && s.range !== 'all',
    rangeLabel: custom ? `${s.customFrom} – ${s.customTo}` : LABELS[s.range],
    filtersActive: activeFilterCount(s.filters) > 0,
  };
}
