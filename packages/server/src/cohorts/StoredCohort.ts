// Owns the row shape of analytics_cohorts as queries read and write it, the column list, and the wire form.
import {
  type Cohort,
  type CohortDefinition,
  columnNames,
  type StoredRowOf,
  TABLES,
} from '@llm-analytics/core';

/** The row as reads return it (the definition text on DuckDB, parsed on PostgreSQL; cohortDefinition reads both). */
export type StoredCohort = StoredRowOf<typeof TABLES.analytics_cohorts>;

/** In table order (the catalogue's): inserts bind them as $1…$13. */
export const COHORT_COLUMNS = columnNames(TABLES.analytics_cohorts);

export function cohortDefinition(r: StoredCohort): CohortDefinition {
  return (typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition) as CohortDefinition;
}

/** The row's values in COHORT_COLUMNS order, the definition as text. */
export function cohortValues(c: StoredCohort): (string | number | null)[] {
  return COHORT_COLUMNS.map((k) => {
    const v = c[k];
    if (k === 'definition') return typeof v === 'string' ? v : JSON.stringify(v);
    return v === null ? null : typeof v === 'number' || typeof v === 'bigint' ? Number(v) : (v as string);
  });
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const num = (v: number | null) => (v === null ? null : Number(v));

export function toCohort(r: StoredCohort): Cohort {
  return {
    id: r.id,
    workspace_id: r.workspace_id,
    name: r.name,
    description: r.description,
    definition: cohortDefinition(r),
    status: r.status as Cohort['status'],
    size: num(r.size),
    unmatched: num(r.unmatched),
    error: r.error,
    computed_at: iso(r.computed_ms),
    created_by: r.created_by,
    created_at: iso(r.created_ms)!,
    updated_at: iso(r.updated_ms)!,
  };
}
