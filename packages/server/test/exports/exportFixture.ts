// Owns the exports tests' fixture: a real server per engine loaded with the analytics data set plus messages whose
// text is hostile to CSV, and readers that parse an export file back (csv-parse, DuckDB for Parquet, yauzl).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ExportRequest } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import type { Config } from '../../src/config.ts';
import { exportTables } from '../../src/exports/exportTables.ts';
import { exportFileType, type FileFormat, writeExport } from '../../src/exports/writers/writeExport.ts';
import { type Dataset, generateDataset, NOW, toBatch } from '../analytics/dataset.ts';
import type { Engine, TestServer } from '../helpers/testServer.ts';
import { startTestServer } from '../helpers/testServer.ts';

export { NOW };

const DAY = 86_400_000;

/** Message texts a naive CSV writer breaks or a spreadsheet would run. */
export const HOSTILE_TEXTS = [
  'plain, with a comma',
  'she said "hi", then left',
  'line one\nline two\r\nline three',
  'Grüße, 日本語, emoji 🎉, RTL שלום',
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\tstarts with a tab',
  '\rstarts with a carriage return',
  "'already quoted",
  '',
];

export interface ExportFixture {
  s: TestServer;
  ds: Dataset;
  dir: string;
}

export async function loadExportFixture(
  engine: Engine,
  dir: string,
  config: Partial<Config> = {},
): Promise<ExportFixture> {
  const s = await startTestServer({ engine, config });
  const ds = generateDataset(17, 250);
  await s.ctx.ingest.ingest(s.workspaceId, toBatch(ds));
  await s.ctx.ingest.ingest(s.workspaceId, {
    conversations: [{ id: 'c-text', user_id: 'u-text', session_id: 'A', is_widget_session: false }],
    messages: HOSTILE_TEXTS.map((content, i) => ({
      id: `m-text-${i}`,
      conversation_id: 'c-text',
      role: 'user' as const,
      content,
      created_at: new Date(NOW.getTime() - 2 * DAY + i * 1000).toISOString(),
      metadata: { note: content, n: -i - 1 },
    })),
  });
  return { s, ds, dir };
}

/** The 30 days before NOW, as an export request's range. */
export const RANGE = {
  startDate: new Date(NOW.getTime() - 30 * DAY).toISOString(),
  endDate: NOW.toISOString(),
};

/** Builds and writes `r` under `dir`; returns the file and its tables' names. */
export async function runExport(
  f: ExportFixture,
  r: ExportRequest,
  name: string,
): Promise<{ path: string; tables: string[]; rows: number }> {
  const tables = await exportTables(f.s.ctx, f.s.workspaceId, r, NOW);
  const format = r.format as FileFormat;
  const path = join(f.dir, `${name}.${exportFileType(format, tables.length).extension}`);
  const out = await writeExport({ format, tables, path });
  return { path, tables: tables.map((t) => t.name), rows: out.rows };
}

export type Parsed = Record<string, unknown>[];

/** Rows of one table's file in `format`, as objects (CSV: header row, every cell text). */
export async function parseFile(format: FileFormat, path: string): Promise<Parsed> {
  if (format === 'csv') return parse(readFileSync(path), { columns: true, relax_quotes: false }) as Parsed;
  if (format === 'json') return JSON.parse(readFileSync(path, 'utf8')) as Parsed;
  if (format === 'jsonl') {
    const text = readFileSync(path, 'utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  return readParquet(path);
}

/** A Parquet file read back by DuckDB: typed values (timestamps as ISO strings, bigints as numbers). */
export async function readParquet(path: string): Promise<Parsed> {
  const i = await DuckDBInstance.create(':memory:');
  try {
    const c = await i.connect();
    const r = await c.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    return r.getRowObjectsJson() as Parsed;
  } finally {
    i.closeSync();
  }
}

/** Parquet column types as DuckDB reads them. */
export async function parquetTypes(path: string): Promise<Record<string, string>> {
  const i = await DuckDBInstance.create(':memory:');
  try {
    const c = await i.connect();
    const r = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    return Object.fromEntries(
      r.getRowObjectsJson().map((row) => [String(row.column_name), String(row.column_type)]),
    );
  } finally {
    i.closeSync();
  }
}

/** The entries of a ZIP file: name → bytes, read one entry at a time. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (openErr, zip) => {
      if (openErr) return reject(openErr);
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err, stream) => {
          if (err) return reject(err);
          const parts: Buffer[] = [];
          stream.on('data', (b: Buffer) => parts.push(b));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
  return out;
}
