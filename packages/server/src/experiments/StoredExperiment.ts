// Owns the row shape of analytics_experiments as queries read and write it, and the column list they use.

export interface StoredExperiment {
  workspace_id: string;
  id: string;
  name: string;
  hypothesis: string | null;
  unit: string;
  status: string;
  status_changed_by: string | null;
  status_changed_ms: number;
  /** JSON columns: text on DuckDB, parsed on PostgreSQL (experimentJson reads both); written as text. */
  variants: unknown;
  control: string;
  primary_metric: string;
  secondary_metrics: unknown;
  min_effect: number | null;
  planned_split: unknown;
  start_ms: number | null;
  end_ms: number | null;
  conclusion: string | null;
  created_by: string | null;
  created_ms: number;
  updated_ms: number;
}

/** In table order: inserts bind them as $1…$20. */
export const EXPERIMENT_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'hypothesis',
  'unit',
  'status',
  'status_changed_by',
  'status_changed_ms',
  'variants',
  'control',
  'primary_metric',
  'secondary_metrics',
  'min_effect',
  'planned_split',
  'start_ms',
  'end_ms',
  'conclusion',
  'created_by',
  'created_ms',
  'updated_ms',
] as const satisfies readonly (keyof StoredExperiment)[];

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
