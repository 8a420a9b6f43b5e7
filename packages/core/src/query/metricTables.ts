// Owns the metric columns of the model table and the A/B sessions table (metric, heading, display unit): one
// source for the dashboard's tables and the exported report, which show the same columns.
import type { DisplayUnit } from './kpis.ts';

export interface MetricColumn<K extends string = string> {
  key: K;
  label: string;
  unit: DisplayUnit;
}

const column = <K extends string>(key: K, label: string, unit: DisplayUnit): MetricColumn<K> => ({
  key,
  label,
  unit,
});

export const MODEL_TABLE_COLUMNS = [
  column('messages', 'Messages', 'count'),
  column('avg_rating', 'Avg rating', 'rating'),
  column('success_rate', 'Success', 'percent'),
  column('error_rate', 'Errors', 'percent'),
  column('latency_p50', 'p50', 'ms'),
  column('latency_p95', 'p95', 'ms'),
  column('total_tokens', 'Tokens', 'tokens'),
  column('cost', 'Cost', 'usd'),
  column('cost_per_message', 'Cost / msg', 'usd'),
] as const;

export const SESSION_TABLE_COLUMNS = [
  column('messages', 'Messages', 'count'),
  column('conversations', 'Conversations', 'count'),
  column('avg_rating', 'Avg rating', 'rating'),
  column('success_rate', 'Success', 'percent'),
  column('error_rate', 'Errors', 'percent'),
  column('latency_p95', 'p95', 'ms'),
  column('cost_per_message', 'Cost / msg', 'usd'),
] as const;

export type ModelTableMetric = (typeof MODEL_TABLE_COLUMNS)[number]['key'];
export type SessionTableMetric = (typeof SESSION_TABLE_COLUMNS)[number]['key'];
