// Owns the row shape of analytics_experiments as queries read and write it, and the column list they use.
import { columnNames, type StoredRowOf, TABLES } from '@llm-analytics/core';

/** The row as reads return it (JSON columns text on DuckDB, parsed on PostgreSQL; experimentJson reads both). */
export type StoredExperiment = StoredRowOf<typeof TABLES.analytics_experiments>;

/** In table order (the catalogue's): inserts bind them as $1…$20. */
export const EXPERIMENT_COLUMNS = columnNames(TABLES.analytics_experiments);

/** A JSON column's value, whichever engine read it. */
export function experimentJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/** The row's values in EXPERIMENT_COLUMNS order, JSON columns as text. */
export function experimentValues(e: StoredExperiment): (string | number | null)[] {
  return EXPERIMENT_COLUMNS.map((c) => {
    const v = e[c];
    if (c === 'variants' || c === 'secondary_metrics' || c === 'planned_split')
      return v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
    return v as string | number | null;
  });
}
