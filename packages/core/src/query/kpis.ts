// Owns the dashboard's KPI row as data: which metrics it shows, their labels, display units and good direction.
// One source for every reader: the dashboard's KPI cards and the exported report show the same cards.

/** How a value is displayed (the dashboard's formatting units, coarser than the registry's `Unit`). */
export type DisplayUnit = 'count' | 'usd' | 'ms' | 'percent' | 'rating' | 'tokens' | 'ratio';

export interface KpiDef {
  metric: string;
  label: string;
  unit: DisplayUnit;
  /** Direction that is good news: higher for ratings, lower for errors, latency and cost. */
  better: 'up' | 'down' | 'none';
}

export const KPIS: KpiDef[] = [
  { metric: 'messages', label: 'Messages', unit: 'count', better: 'none' },
  { metric: 'conversations', label: 'Conversations', unit: 'count', better: 'none' },
  { metric: 'avg_rating', label: 'Avg rating', unit: 'rating', better: 'up' },
  { metric: 'success_rate', label: 'Success rate', unit: 'percent', better: 'up' },
  { metric: 'error_rate', label: 'Error rate', unit: 'percent', better: 'down' },
  { metric: 'latency_p95', label: 'p95 latency', unit: 'ms', better: 'down' },
  { metric: 'sla_breach_rate', label: 'SLA breach rate', unit: 'percent', better: 'down' },
  { metric: 'cost', label: 'Total cost', unit: 'usd', better: 'down' },
  { metric: 'total_tokens', label: 'Tokens', unit: 'tokens', better: 'none' },
];
