// On DuckDB a complete export's CSV and Parquet files are written by the store's own COPY (no row becomes a
// JavaScript value): the same rows, cells and column types as the JavaScript writers write from the pages.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { completeTables } from '../../src/exports/content/completeTables.ts';
import type { TableSource } from '../../src/exports/ExportScope.ts';
import { exportScope } from '../../src/exports/exportTables.ts';
import { writeExport } from '../../src/exports/writers/writeExport.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  type ExportFixture,
  loadExportFixture,
  NOW,
  type Parsed,
  parquetTypes,
  RANGE,
  readParquet,
  readZip,
} from './exportFixture.ts';

/** A cell compared by value: numbers as numbers (DuckDB prints 5.0 and 1.5e-06 where JavaScript prints 5 and 0.0000015). */
const cell = (v: unknown) => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && !/^0\d/.test(String(v)) ? n : v;
};
const canonical = (rows: Parsed) =>
  rows
    .map((r) => Object.entries(r).map(([k, v]) => [k, cell(v)] as const))
    .map((entries) => JSON.stringify(entries))
    .sort();

describe('complete exports written by DuckDB itself (COPY)', () => {
  let f: ExportFixture;
  const dir = tempDir('lla-direct');
  before(async () => {
    f = await loadExportFixture('duckdb', dir);
  });
  after(() => f.s.close());

  const sources = async (direct: boolean): Promise<TableSource[]> => {
    const tables = await completeTables(
      f.s.ctx,
      exportScope(f.s.workspaceId, { format: 'csv', exportType: 'complete', ...RANGE }, NOW),
    );
    assert.ok(
      tables.every((t) => t.copyTo),
      'the DuckDB store copies',
    );
    return direct ? tables : tables.map(({ copyTo: _copy, ...t }) => t);
  };

  const files = async (format: 'csv' | 'parquet', direct: boolean) => {
    const path = join(dir, `${format}-${direct}.zip`);
    const out = await writeExport({ format, tables: await sources(direct), path });
    const tables: Record<string, { rows: Parsed; types?: unknown }> = {};
    for (const [file, bytes] of await readZip(path)) {
      const table = file.split('.')[0];
      if (format === 'csv') tables[table] = { rows: parse(bytes, { columns: true }) as Parsed };
      else {
        const p = join(dir, `${direct}-${file}`);
        writeFileSync(p, bytes);
        tables[table] = { rows: await readParquet(p), types: await parquetTypes(p) };
      }
    }
    return { out, tables };
  };

  for (const format of ['csv', 'parquet'] as const) {
    it(`${format}: every table's rows and cells equal the JavaScript writer's`, async () => {
      const direct = await files(format, true);
      const pages = await files(format, false);
      assert.equal(direct.out.rows, pages.out.rows);
      assert.deepEqual(Object.keys(direct.tables).sort(), Object.keys(pages.tables).sort());
      for (const [table, { rows, types }] of Object.entries(pages.tables)) {
        const got = direct.tables[table];
        assert.ok(rows.length > 0, `${table} has rows`);
        assert.deepEqual(canonical(got.rows), canonical(rows), table);
        assert.deepEqual(got.types, types, `${table} column types`);
      }
    });
  }

  it('csv: header, CRLF line ends and formula neutralising as csvCell writes them', async () => {
    const path = join(dir, 'messages.csv');
    const [messages] = (await sources(true)).filter((t) => t.name === 'messages');
    await writeExport({ format: 'csv', tables: [messages], path });
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    assert.ok(text.startsWith('id,conversation_id,role,content,'), text.slice(0, 80));
    assert.equal(text.split('\r\n')[0].includes('\n'), false);
    assert.match(text, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/);
    assert.match(text, /,'\+1\+2,/);
  });
});
