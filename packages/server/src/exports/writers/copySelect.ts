// Owns the select list that makes a store's own COPY write what the JavaScript writers write: per column type,
// CSV cells as text (ISO timestamps, lists as JSON, formulas neutralised) and Parquet columns typed as writeParquet types them.
import type { ExportColumn, ExportColumnType } from '@llm-analytics/core';

export type CopyFormat = 'csv' | 'parquet';

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** csvCell's FORMULA_START, in SQL: the first character of the cell's text. */
const neutralised = (text: string) =>
  `CASE WHEN left(${text}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${text} ELSE ${text} END`;

const CSV: Record<ExportColumnType, (v: string) => string> = {
  text: (v) => neutralised(v),
  json: (v) => neutralised(v),
  'text[]': (v) => neutralised(`CAST(to_json(${v}) AS VARCHAR)`),
  // toISOString's shape: milliseconds, `Z`.
  timestamp: (v) => `strftime(${v}, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  integer: (v) => `CAST(${v} AS VARCHAR)`,
  bigint: (v) => `CAST(${v} AS VARCHAR)`,
  // Non-finite numbers are empty cells, as csvCell writes them.
  double: (v) => `CASE WHEN isfinite(${v}) THEN CAST(${v} AS VARCHAR) END`,
  boolean: (v) => `CASE WHEN ${v} THEN 'true' WHEN NOT ${v} THEN 'false' END`,
};

const PARQUET_TYPE: Record<ExportColumnType, string> = {
  text: 'VARCHAR',
  json: 'VARCHAR',
  'text[]': 'VARCHAR[]',
  timestamp: 'TIMESTAMP',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
};

/** `SELECT … FROM (<rows>) r`, one item per column of `rows` (named as the columns). */
export function copySelect(rows: string, columns: readonly ExportColumn[], format: CopyFormat): string {
  const items = columns.map((c) => {
    const id = quoteIdent(c.name);
    const v = `r.${id}`;
    const expr = format === 'csv' ? CSV[c.type](v) : `CAST(${v} AS ${PARQUET_TYPE[c.type]})`;
    return `${expr} AS ${id}`;
  });
  return `SELECT ${items.join(', ')} FROM (${rows}) r`;
}

/** The COPY options of each format: RFC 4180 CSV with a header and CRLF, zstd Parquet (as writeParquet). */
export const COPY_OPTIONS: Record<CopyFormat, string> = {
  csv: `FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '', NEW_LINE '\r\n'`,
  parquet: 'FORMAT parquet, COMPRESSION zstd',
};
