// Owns the columns of a complete export's raw tables, derived from the catalogue: every declared column of both
// engines but the workspace id; JSON read as its text so both engines hand over the same value.
import { type CompleteTable, type ExportColumn, type RawColumn, TABLES } from '@llm-analytics/core';

export interface RawExportColumn extends ExportColumn, RawColumn {}

export function rawColumns(table: CompleteTable): RawExportColumn[] {
  return Object.entries(TABLES[table].columns)
    .filter(([name, c]) => c.engine === undefined && name !== 'workspace_id')
    .map(([name, c]) => ({
      name,
      type: c.type,
      ...(c.type === 'json' ? { sql: `CAST(x.${name} AS VARCHAR)` } : {}),
    }));
}
