// Owns the report's table columns (key, heading, display unit) and training-method colours, shared by both engines.
import { type DisplayUnit, MODEL_TABLE_COLUMNS, SESSION_TABLE_COLUMNS } from '@llm-analytics/core';
import type { ModelMetric, SessionMetric } from './reportData.ts';

export interface Column<K extends string> {
  key: K;
  label: string;
  unit: DisplayUnit;
}

export const MODEL_COLUMNS: readonly Column<ModelMetric>[] = MODEL_TABLE_COLUMNS;

/** Deltas the training section shows for a fine-tune against its base model. */
export const TRAINING_COLUMNS: Column<ModelMetric>[] = [
  { key: 'success_rate', label: 'Success', unit: 'percent' },
  { key: 'avg_rating', label: 'Avg rating', unit: 'rating' },
  { key: 'error_rate', label: 'Errors', unit: 'percent' },
  { key: 'latency_p95', label: 'p95', unit: 'ms' },
  { key: 'cost_per_message', label: 'Cost / msg', unit: 'usd' },
];

export const SESSION_COLUMNS: readonly Column<SessionMetric>[] = SESSION_TABLE_COLUMNS;

const METHOD_COLORS: Record<string, string> = {
  base: '#2563eb',
  sft: '#16a34a',
  dpo: '#9333ea',
  rlhf: '#ea580c',
};

export const methodColor = (method: string | null): string => METHOD_COLORS[method ?? ''] ?? '#6b7280';

export const COST_COLOR = '#2563eb';
export const P50_COLOR = '#0891b2';
export const P95_COLOR = '#d97706';
