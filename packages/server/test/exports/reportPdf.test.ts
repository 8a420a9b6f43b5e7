// The PDF report on every engine, read back by poppler (an independent PDF reader): it parses, has A4 pages,
// holds every section with the report's numbers, draws its charts (coloured pixels on page 1), survives
// hostile and non-ASCII names with either font, and is written atomically (temp name, then rename).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatValue } from '../../src/exports/report/formatValue.ts';
import { type PdfFonts, pdfFonts } from '../../src/exports/report/pdf/pdfFonts.ts';
import { renderReportPdf } from '../../src/exports/report/renderReportPdf.ts';
import { writeReport } from '../../src/exports/report/writeReport.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { artifactFile, POPPLER_MISSING, pdfInfo, pdfPageToPng, pdfText } from './poppler.ts';
import {
  EMPTY_WORKSPACE,
  HOSTILE_WORKSPACE,
  loadReportFixture,
  type ReportFixture,
  SCRIPT_MODEL,
  UNICODE_MODEL,
} from './reportFixture.ts';

const skip = POPPLER_MISSING;

/** Pixels of page `page` close to `hex` (within 40 per channel), from pdftoppm's binary PPM. */
function countColour(pdf: string, page: number, hex: string, dir: string): number {
  const ppm = join(dir, `px-${page}-${hex.slice(1)}`);
  const r = spawnSync('pdftoppm', [
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    ppm,
  ]);
  assert.equal(r.status, 0, String(r.stderr));
  const buf = readFileSync(`${ppm}.ppm`);
  // Header: "P6\n<w> <h>\n255\n".
  let off = 0;
  for (let fields = 0; fields < 4; ) {
    while (buf[off] === 0x20 || buf[off] === 0x0a) off++;
    while (buf[off] !== 0x20 && buf[off] !== 0x0a) off++;
    fields++;
  }
  off++;
  const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = off; i + 2 < buf.length; i += 3) {
    if (want.every((c, k) => Math.abs(buf[i + k] - c) <= 40)) n++;
  }
  return n;
}

for (const engine of ENGINES) {
  describe(`PDF report on ${engine}`, () => {
    let f: ReportFixture;
    const dir = tempDir('lla-report-pdf');
    before(async () => {
      f = await loadReportFixture(engine);
    });
    after(async () => f?.s.close());

    it('parses as an A4 PDF holding every section and the report numbers', { skip }, async () => {
      const d = await f.report({ filters: ['neq', 'model', 'mystery-model'] });
      const out = join(dir, 'report.pdf');
      const { bytes, pages } = await renderReportPdf(d, out);
      const info = pdfInfo(out);
      assert.equal(Number(info.Pages), pages);
      assert.ok(pages >= 2, `${pages} pages`);
      assert.match(info['Page size'], /^595\.2\d? x 841\.8\d? pts \(A4\)/);
      assert.equal(info.Title, `LLM Analytics report — ${f.s.workspaceId}`);
      assert.equal(bytes, readFileSync(out).length);
      assert.deepEqual(readdirSync(dir), ['report.pdf'], 'no temporary file left beside it');

      const text = pdfText(out);
      for (const heading of [
        'Key metrics',
        'Cost and latency',
        'Models',
        'Training effectiveness',
        'A/B sessions',
        'Price book and SLA',
        'How the numbers were computed',
      ])
        assert.ok(text.includes(heading), heading);
      for (const k of d.kpis) {
        assert.ok(text.includes(k.label), k.label);
        assert.ok(
          text.includes(formatValue(k.value, k.unit)),
          `${k.label} = ${formatValue(k.value, k.unit)}`,
        );
      }
      assert.ok(text.includes('model ≠ "mystery-model"'), 'the filters are printed');
      assert.ok(text.includes(`exceeds ${d.slaThresholdMs} ms`), 'the SLA is printed');
      assert.ok(text.includes(`Generated at: ${d.generatedAt}`));
      for (const m of d.models) assert.ok(text.includes(m.model_id), m.model_id);
      const sft = d.models.find((m) => m.model_id === 'llama-3-8b-sft');
      const p95 = formatValue(sft?.values.latency_p95 ?? null, 'ms');
      assert.ok(text.includes(p95), `sft p95 ${p95}`);

      if (engine === 'duckdb') {
        const png = pdfPageToPng(out, 1, join(dir, 'page1'));
        copyFileSync(png, artifactFile('report-page1.png'));
        assert.ok(readFileSync(png).subarray(1, 4).toString() === 'PNG');
      }
      // Charts are drawn as vector shapes: page 1 holds the cost bars (blue) and the p95 line (amber).
      assert.ok(countColour(out, 1, '#2563eb', dir) > 500, 'cost bars on page 1');
      assert.ok(countColour(out, 1, '#d97706', dir) > 50, 'p95 line on page 1');
    });

    it('hostile and non-ASCII names print as text with DejaVu, and transliterate with Helvetica', {
      skip,
    }, async () => {
      const d = await f.report({ workspaceId: HOSTILE_WORKSPACE });
      const dejavu = pdfFonts();
      assert.ok(dejavu.files, 'Debian fonts-dejavu-core is installed here (a chromium dependency)');
      const a = join(dir, 'hostile-dejavu.pdf');
      await renderReportPdf(d, a, dejavu);
      const text = pdfText(a);
      // DejaVu Sans has Latin, Greek, Cyrillic and emoji but no CJK: those glyphs print as ? rather than vanish.
      assert.ok(text.includes('modèle-ß-???-😀'), 'the Unicode name survives where the font can draw it');
      assert.ok(text.includes(SCRIPT_MODEL.slice(0, 14)), 'markup is just text in a PDF');
      assert.ok(pdfInfo(a).Pages);

      const b = join(dir, 'hostile-helvetica.pdf');
      await renderReportPdf(d, b, pdfFonts(null));
      const latin = pdfText(b);
      assert.ok(latin.includes('modèle-ß-???-?'), 'Latin-1 kept, the rest replaced');
      assert.ok(!latin.includes(UNICODE_MODEL));
    });

    it('an empty workspace still renders, saying the charts have no data', { skip }, async () => {
      const d = await f.report({ workspaceId: EMPTY_WORKSPACE });
      const out = join(dir, 'empty.pdf');
      const w = await writeReport('pdf', d, out);
      assert.equal(Number(pdfInfo(out).Pages), w.pages);
      const text = pdfText(out);
      assert.ok(text.includes('No data in this range'));
      assert.ok(text.includes('No model-attributed messages in this range.'));
    });

    it('a failure mid-write leaves neither the target nor a temporary file', async () => {
      const d = await f.report();
      const sub = tempDir('lla-report-fail');
      let calls = 0;
      const real = pdfFonts();
      const breaking: PdfFonts = {
        ...real,
        safe: (t) => {
          if (++calls > 40) throw new Error('disk on fire');
          return real.safe(t);
        },
      };
      await assert.rejects(renderReportPdf(d, join(sub, 'r.pdf'), breaking), /disk on fire/);
      assert.deepEqual(readdirSync(sub), []);
      await assert.rejects(renderReportPdf(d, join(sub, 'missing-dir', 'r.pdf')), /ENOENT/);
      assert.deepEqual(readdirSync(sub), []);
    });
  });
}
