// Owns turning the filter panel's state into one AnalyticsQuery filter tree (and of leaves).
import type { Filter } from '../api/types';
import type { FilterState } from './DashboardState';

export function buildFilter(f: FilterState): Filter | undefined {
  const leaves: Filter[] = [];
  if (f.ratings.length > 0 && f.ratings.length < 5) leaves.push(['in', 'rating', [...f.ratings].sort()]);
  if (f.models.length > 0) leaves.push(['in', 'model', f.models]);
  if (f.providers.length > 0) leaves.push(['in', 'provider', f.providers]);
  if (f.success !== 'all') leaves.push(['eq', 'success', f.success === 'success']);
  if (f.trainingMethods.length > 0) leaves.push(['in', 'training_method', f.trainingMethods]);
  if (f.sessions.length > 0) leaves.push(['in', 'session', f.sessions]);
  if (f.widget !== 'all') leaves.push(['eq', 'widget', f.widget === 'widget']);
  if (f.cohorts.length > 0) leaves.push(['in', 'cohort', f.cohorts]);
  if (leaves.length === 0) return undefined;
  return leaves.length === 1 ? leaves[0] : ['and', leaves];
}

export const activeFilterCount = (f: FilterState): number =>
  (f.ratings.length > 0 && f.ratings.length < 5 ? 1 : 0) +
  (f.models.length > 0 ? 1 : 0) +
  (f.providers.length > 0 ? 1 : 0) +
  (f.success !== 'all' ? 1 : 0) +
  (f.trainingMethods.length > 0 ? 1 : 0) +
  (f.sessions.length > 0 ? 1 : 0) +
  (f.widget !== 'all' ? 1 : 0) +
  (f.cohorts.length > 0 ? 1 : 0);
