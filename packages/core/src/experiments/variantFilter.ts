// Owns which conversations a variant selects, as an AnalyticsQuery filter: its sessions and/or its filter tree.
// One rule for the results (server) and the per-variant time series (dashboard), so both count the same.
import type { Filter } from '../query/AnalyticsQuery.ts';
import type { ExperimentVariant } from '../wire/experiments.ts';

/** Undefined only for a variant that selects nothing (the schema refuses such a variant). */
export function variantFilter(v: ExperimentVariant): Filter | undefined {
  const parts: Filter[] = [];
  if (v.session_ids && v.session_ids.length > 0) parts.push(['in', 'session', v.session_ids]);
  if (v.filter) parts.push(v.filter);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : ['and', parts];
}
