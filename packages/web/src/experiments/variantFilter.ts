// Owns the analytics-query filter that selects one variant's conversations: its sessions and/or its filter tree,
// combined as the experiments service combines them, so the time series counts what the results count.
import type { ExperimentVariant, Filter } from '../api/types';

export function variantFilter(v: ExperimentVariant): Filter | undefined {
  const parts: Filter[] = [];
  if (v.session_ids && v.session_ids.length > 0) parts.push(['in', 'session', v.session_ids]);
  if (v.filter) parts.push(v.filter);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : ['and', parts];
}
