// Owns converting one exported row into one wire-format item: keep the table's known columns, parse each
// cell with its column's parser, and report the failing field. Unknown columns are collected, not fatal.
import { CellError, parseJsonCell } from './cellValues.ts';
import type { TableSpec } from './importTables.ts';

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function convertRow(
  spec: TableSpec,
  row: Record<string, unknown>,
  dropped: Set<string>,
  source: 'csv' | 'json',
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const parse = spec.columns[key];
    if (!parse) {
      dropped.add(key);
      continue;
    }
    let value = row[key];
    if (value === null || value === undefined) {
      if (!spec.omitWhenNull.includes(key)) item[key] = null;
      continue;
    }
    // In a JSON export a JSON column holding a bare string (e.g. a dataset name) is already the value; only
    // text that looks like an encoded object/array is decoded. CSV has no such ambiguity: cells are JSON text.
    if (
      source === 'json' &&
      parse === parseJsonCell &&
      typeof value === 'string' &&
      !/^\s*[[{]/.test(value)
    ) {
      item[key] = value;
      continue;
    }
    try {
      value = parse(value);
    } catch (err) {
      if (err instanceof CellError) throw new FieldError(key, err.message);
      throw err;
    }
    item[key] = value;
  }
  return item;
}
