// Owns turning a DuckDB result into plain rows (numbers for BIGINT/DECIMAL, ISO strings for timestamps).
import { type DuckDBResultReader, type DuckDBValue, listValue } from '@duckdb/node-api';
import type { Row, SqlValue } from '../Store.ts';
import { toPlain } from './toPlain.ts';

/** The store's parameters as DuckDB values (a text array becomes a LIST). */
export function bind(params: readonly SqlValue[]): DuckDBValue[] {
  return params.map((p) => (Array.isArray(p) ? listValue(p) : p));
}

export function plainRows<T extends Row>(reader: DuckDBResultReader): T[] {
  const names = reader.columnNames();
  const cols = reader.getColumnsJS();
  const n = reader.currentRowCount;
  const rows: T[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = toPlain(cols[c][i]);
    rows[i] = row as T;
  }
  return rows;
}
