// Text that breaks naive writers survives every format (commas, quotes, newlines, non-ASCII), a spreadsheet
// formula is neutralised in CSV text cells only (never a negative number), and a file appears only complete.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ExportValue } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import type { TableSource } from '../../src/exports/ExportScope.ts';
import { csvCell } from '../../src/exports/writers/csvCell.ts';
import { writeExport } from '../../src/exports/writers/writeExport.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  type ExportFixture,
  HOSTILE_TEXTS,
  loadExportFixture,
  type Parsed,
  parseFile,
  RANGE,
  readZip,
  runExport,
} from './exportFixture.ts';

/** What a spreadsheet must see: formula-looking text behind an apostrophe, everything else as sent. */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('csvCell', () => {
  it('quotes per RFC 4180 and neutralises formulas in text only', () => {
    assert.equal(csvCell('a,b', 'text'), '"a,b"');
    assert.equal(csvCell('say "x"', 'text'), '"say ""x"""');
    assert.equal(csvCell('a\nb', 'text'), '"a\nb"');
    assert.equal(csvCell('=1+1', 'text'), "'=1+1");
    assert.equal(csvCell('-1', 'text'), "'-1");
    assert.equal(csvCell('=A1,"x"', 'text'), `"'=A1,""x"""`);
    assert.equal(csvCell(-1.5, 'double'), '-1.5');
    assert.equal(csvCell(1e21, 'double'), '1e+21');
    assert.equal(csvCell(null, 'text'), '');
    assert.equal(csvCell(false, 'boolean'), 'false');
    assert.equal(csvCell(['=x', 'b'], 'text[]'), '"[""=x"",""b""]"');
    assert.equal(csvCell('2025-01-01T00:00:00.000Z', 'timestamp'), '2025-01-01T00:00:00.000Z');
  });
});

for (const engine of ENGINES) {
  describe(`hostile text in exports (${engine})`, () => {
    let f: ExportFixture;
    const dir = tempDir('lla-text');
    before(async () => {
      f = await loadExportFixture(engine, dir);
    });
    after(() => f.s.close());

    const textRows = (rows: Parsed) => HOSTILE_TEXTS.map((_, i) => rows.find((r) => r.id === `m-text-${i}`));

    it('CSV: every text survives a real parser, formulas behind an apostrophe, UTF-8 as is', async () => {
      const out = await runExport(f, { format: 'csv', exportType: 'complete', ...RANGE }, 'text-csv');
      const csv = (await readZip(out.path)).get('messages.csv')!;
      assert.ok(csv.toString('utf8').includes('Grüße, 日本語, emoji 🎉'), 'UTF-8 bytes as they are');
      assert.ok(csv.toString('utf8').split('\r\n')[0].startsWith('id,conversation_id,role,content'));
      const rows = parse(csv, { columns: true }) as Parsed;
      textRows(rows).forEach((r, i) => {
        assert.ok(r, `m-text-${i}`);
        assert.equal(r.content, neutralised(HOSTILE_TEXTS[i]), `content ${i}`);
        // JSON text starts with "{": kept as is, and parses back to what was sent.
        assert.deepEqual(JSON.parse(String(r.metadata)), { note: HOSTILE_TEXTS[i], n: -i - 1 });
      });
    });

    for (const format of ['json', 'jsonl', 'parquet'] as const) {
      it(`${format}: every text exactly as sent (no neutralising outside CSV)`, async () => {
        const out = await runExport(f, { format, exportType: 'complete', ...RANGE }, `text-${format}`);
        const entry = (await readZip(out.path)).get(`messages.${format}`)!;
        const path = join(dir, `messages-${engine}.${format}`);
        const { writeFileSync } = await import('node:fs');
        writeFileSync(path, entry);
        const rows = await parseFile(format, path);
        textRows(rows).forEach((r, i) => {
          assert.equal(r?.content, HOSTILE_TEXTS[i], `content ${i}`);
          const meta = typeof r?.metadata === 'string' ? JSON.parse(r.metadata) : r?.metadata;
          assert.deepEqual(meta, { note: HOSTILE_TEXTS[i], n: -i - 1 });
        });
      });
    }

    it('negative numbers stay numbers in CSV (model deltas), never behind an apostrophe', async () => {
      const out = await runExport(f, { format: 'csv', exportType: 'model_comparison', ...RANGE }, 'neg');
      const rows = parse(readFileSync(out.path), { columns: true }) as Parsed;
      const cells = rows.flatMap((r) =>
        Object.entries(r)
          .filter(([k]) => k.endsWith('_vs_base'))
          .map(([, v]) => String(v)),
      );
      assert.ok(
        cells.some((c) => c.startsWith('-')),
        'some delta is negative',
      );
      for (const c of cells) if (c) assert.ok(Number.isFinite(Number(c)), `${c} is a plain number`);
    });
  });
}

describe('writing a file', () => {
  const dir = tempDir('lla-atomic');
  const failing = (afterRows: number): TableSource => ({
    name: 't',
    columns: [{ name: 'x', type: 'text' }],
    total: 10,
    async *chunks(): AsyncIterable<ExportValue[][]> {
      yield Array.from({ length: afterRows }, (_, i) => [`row ${i}`]);
      throw new Error('store went away');
    },
  });

  for (const format of ['csv', 'parquet'] as const) {
    it(`${format}: a failure mid-way leaves neither the file nor its partial`, async () => {
      const path = join(dir, `broken.${format}`);
      await assert.rejects(writeExport({ format, tables: [failing(5)], path }), /store went away/);
      assert.equal(existsSync(path), false);
      assert.deepEqual(readdirSync(dir), []);
    });
  }

  for (const format of ['csv', 'parquet'] as const) {
    it(`a ${format} ZIP failing in its second table leaves nothing either`, async () => {
      const path = join(dir, 'broken.zip');
      const ok: TableSource = {
        ...failing(0),
        name: 'ok',
        async *chunks() {
          yield [['a']];
        },
      };
      await assert.rejects(writeExport({ format, tables: [ok, failing(3)], path }), /store went away/);
      assert.deepEqual(readdirSync(dir), []);
    });
  }

  it('reports progress as rows written of the total', async () => {
    const seen: [number, number][] = [];
    const src: TableSource = {
      name: 't',
      columns: [{ name: 'n', type: 'integer' }],
      total: 5,
      async *chunks() {
        yield [[1], [2]];
        yield [[3], [4], [5]];
      },
    };
    await writeExport({
      format: 'jsonl',
      tables: [src],
      path: join(dir, 'p.jsonl'),
      onProgress: (p) => seen.push([p.rows, p.total]),
    });
    assert.deepEqual(seen, [
      [0, 5],
      [2, 5],
      [5, 5],
    ]);
  });
});
