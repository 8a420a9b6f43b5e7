// Owns the typed export columns of a query's dimensions and metrics, read from the registry.
import { type ExportColumn, type ExportColumnType, registry } from '@llm-analytics/core';

/** Metrics that count whole things (messages, tokens…): integers; rates, averages and money are doubles. */
const WHOLE_UNITS = new Set([
  'messages',
  'conversations',
  'users',
  'evaluators',
  'tokens',
  'evaluations',
  'tool_calls',
]);

export function metricColumn(id: string, name = id): ExportColumn {
  const m = registry.metrics.get(id);
  if (!m) throw new Error(`unknown metric ${id}`);
  const whole = (m.type === 'count' || m.type === 'sum') && WHOLE_UNITS.has(m.unit);
  return { name, type: whole ? 'bigint' : 'double', unit: m.unit };
}

const DIMENSION_TYPES: Record<string, ExportColumnType> = {
  string: 'text',
  number: 'double',
  boolean: 'boolean',
  time: 'timestamp',
  bucket: 'text',
};

export function dimensionColumn(id: string): ExportColumn {
  const d = registry.dimensions.get(id);
  if (!d) throw new Error(`unknown dimension ${id}`);
  return { name: id, type: DIMENSION_TYPES[d.type] ?? 'text' };
}
