// Owns the lookup from a dialect name to its implementation.
import { duckdb } from './duckdb.ts';
import { postgres } from './postgres.ts';
import type { DialectName, SqlDialect } from './SqlDialect.ts';

export function getDialect(name: DialectName): SqlDialect {
  return name === 'postgres' ? postgres : duckdb;
}
