// Owns the migration step a catalogue change needs: the ALTER TABLE … ADD COLUMN (or CREATE TABLE) statements
// that take a live schema to the catalogue's, for `npm run cli -- migration-diff` and catalogueSchema.test.ts.
import { CATALOGUE, columnDdl, type DialectName, tableColumns, tableDdl } from '@llm-analytics/core';

/** One row of `information_schema.columns`, as both engines report it. */
export interface LiveColumn {
  table_name: string;
  column_name: string;
}

export interface ColumnSteps {
  /** Statements to paste into a new step of migrations.ts (as `sql: (d) => …`, per engine where they differ). */
  add: string[];
  /** Columns the live schema has and the catalogue does not declare: a dropped or renamed entry. */
  extra: string[];
}

/**
 * The statements that add what the catalogue declares and `live` lacks, on `engine`, in the catalogue's column
 * order. A new carried attribute appears on its table and on every table carrying it (with its code); those
 * copies start null, so the step must also backfill them from the parent, as migration 3 does.
 */
export function columnSteps(engine: DialectName, live: readonly LiveColumn[]): ColumnSteps {
  const have = new Map<string, Set<string>>();
  for (const c of live) {
    const cols = have.get(c.table_name) ?? new Set<string>();
    cols.add(c.column_name);
    have.set(c.table_name, cols);
  }
  const add: string[] = [];
  const extra: string[] = [];
  for (const t of CATALOGUE) {
    const cols = have.get(t.name);
    if (!cols) {
      add.push(...tableDdl(t, engine));
      continue;
    }
    const declared = tableColumns(t, engine);
    for (const c of declared) {
      if (!cols.has(c.name)) add.push(`ALTER TABLE ${t.name} ADD COLUMN ${columnDdl(c, engine)}`);
    }
    const names = new Set(declared.map((c) => c.name));
    for (const c of cols) if (!names.has(c)) extra.push(`${t.name}.${c}`);
  }
  return { add, extra };
}
