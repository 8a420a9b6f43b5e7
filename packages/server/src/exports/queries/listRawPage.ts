// Owns reading one page of a raw table's kept rows (complete exports), as positional export rows.
import type { CompiledStatement, ExportValue } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

/** `statement` is core's compileRawPage; `columns` its column names, in order. */
export async function listRawPage(
  db: Db,
  statement: Pick<CompiledStatement, 'sql' | 'params'>,
  columns: readonly string[],
): Promise<ExportValue[][]> {
  const rows = await db.query(statement.sql, statement.params);
  return rows.map((r) => columns.map((c) => exportValue(r[c])));
}

function exportValue(v: unknown): ExportValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(String);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
