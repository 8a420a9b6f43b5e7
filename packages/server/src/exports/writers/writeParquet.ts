// Owns writing one table as a Parquet file with typed columns, on either store engine: an in-memory DuckDB
// instance (no store data, its own temp folder) is fed the table's chunks through its appender, then COPY
// writes the file. This is DuckDB used as a file-format library, not as the store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBAppender, DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { ExportColumnType, ExportValue } from '@llm-analytics/core';
import type { TableSource } from '../ExportScope.ts';

const SQL_TYPE: Record<ExportColumnType, string> = {
  text: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  // Appended as ISO text and cast by COPY: one conversion in DuckDB instead of a value object per cell.
  timestamp: 'VARCHAR',
  json: 'VARCHAR',
  'text[]': 'VARCHAR[]',
};
/** Memory the instance may hold before it spills to its temp folder (a complete export's table is larger). */
const MEMORY_LIMIT = '128MB';

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

const TEXT_LIST = LIST(VARCHAR);

type Append = (a: DuckDBAppender, v: ExportValue) => void;
const APPEND: Record<ExportColumnType, Append> = {
  text: (a, v) => a.appendVarchar(String(v)),
  timestamp: (a, v) => a.appendVarchar(String(v)),
  json: (a, v) => a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v)),
  integer: (a, v) => a.appendInteger(Number(v)),
  bigint: (a, v) => a.appendBigInt(BigInt(Math.trunc(Number(v)))),
  double: (a, v) => a.appendDouble(Number(v)),
  boolean: (a, v) => a.appendBoolean(v === true),
  'text[]': (a, v) => a.appendList(listValue(Array.isArray(v) ? v : [String(v)]), TEXT_LIST),
};

/** Writes `table` to `path` (the caller's temporary name); `onRows` after each chunk with the rows it held. */
export async function writeParquet(
  table: TableSource,
  path: string,
  onRows: (n: number) => void,
): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'lla-parquet-'));
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: MEMORY_LIMIT,
    temp_directory: scratch,
    threads: '1',
  });
  try {
    const db = await instance.connect();
    const cols = table.columns;
    await db.run(
      `CREATE TABLE t (${cols.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`,
    );
    const appender = await db.createAppender('t');
    const appenders = cols.map((c) => APPEND[c.type]);
    for await (const chunk of table.chunks()) {
      for (const row of chunk) {
        for (let i = 0; i < appenders.length; i++) {
          const v = row[i];
          if (v === null || v === undefined) appender.appendNull();
          else appenders[i](appender, v);
        }
        appender.endRow();
      }
      appender.flushSync();
      onRows(chunk.length);
    }
    appender.closeSync();
    const select = cols
      .map((c) => {
        const id = quoteIdent(c.name);
        return c.type === 'timestamp' ? `CAST(${id} AS TIMESTAMP) AS ${id}` : id;
      })
      .join(', ');
    await db.run(`COPY (SELECT ${select} FROM t) TO ${quoteText(path)} (FORMAT parquet, COMPRESSION zstd)`);
    db.closeSync();
  } finally {
    instance.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
}
