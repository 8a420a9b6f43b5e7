// Owns the pieces migration steps are written with: the step's shape and per-dialect column types.
import { type DialectName, getDialect, type LogicalType } from '@llm-analytics/core';

export interface Migration {
  version: number;
  name: string;
  sql: (d: DialectName) => string[];
}

export const type = (t: LogicalType) => (d: DialectName) => getDialect(d).columnType(t);
export const ts = type('timestamp');
export const json = type('json');
export const textArray = type('text[]');
/** Statements that only `engine` runs (indexes on PostgreSQL; DuckDB's physical layout). */
export const on = (engine: DialectName, d: DialectName, sql: string[]) => (d === engine ? sql : []);
