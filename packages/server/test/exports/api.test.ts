// The export API end to end on both engines: every file format × type through POST /api/analytics/export and
// GET /api/analytics/download/:id parses back (csv-parse, JSON, DuckDB for Parquet) and holds the query API's
// numbers; complete exports run as jobs (202 queued → poll → done) and as ZIPs whose tables hold the counts
// the query API gives; reports; download headers and file names with odd characters; the list and polling.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type AnalyticsQuery,
  type AnalyticsReply,
  COMPARED_METRICS,
  type ExportInfo,
  OVERVIEW_METRICS,
  TIMESERIES_METRICS,
} from '@llm-analytics/core';
import { workspaceFolder } from '../../src/exports/service/exportFiles.ts';
import type { FileFormat } from '../../src/exports/writers/writeExport.ts';
import { close } from '../analytics/fixture.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  type Auth,
  download,
  downloadedTables,
  exportAndDownload,
  getJson,
  postExport,
  waitForExport,
} from './exportApi.ts';
import { type ExportFixture, HOSTILE_TEXTS, loadExportFixture, type Parsed, RANGE } from './exportFixture.ts';

const FORMATS: FileFormat[] = ['csv', 'json', 'jsonl', 'parquet'];
const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};
const DATE_RANGE = { from: RANGE.startDate, to: RANGE.endDate };
const num = (v: unknown): number | null => (v === '' || v === null || v === undefined ? null : Number(v));
const time = (v: unknown): number => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${v}Z`);

async function queryApi(f: ExportFixture, q: AnalyticsQuery): Promise<AnalyticsReply> {
  const r = await post(`${f.s.url}/api/analytics/query`, f.s.adminKey, q, { 'cache-control': 'no-cache' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as unknown as AnalyticsReply;
}

for (const engine of ENGINES) {
  describe(`export API (${engine})`, () => {
    let f: ExportFixture;
    let auth: Auth;
    const dir = tempDir('lla-export-api');
    before(async () => {
      f = await loadExportFixture(engine, dir);
      auth = { key: f.s.adminKey };
      // Test servers run no jobs unless started: queued exports need the runner, as under `serve`.
      await f.s.ctx.jobRunner.start();
    });
    after(() => f.s.close());

    const tableOf = async (
      format: FileFormat,
      body: Record<string, unknown>,
      name: string,
    ): Promise<Parsed> => {
      const { reply, file, info } = await exportAndDownload(f.s.url, auth, { format, ...body });
      assert.equal(reply.status, 'done', 'a table export is written inside its request');
      assert.equal(file.headers.get('content-type'), CONTENT_TYPES[format]);
      assert.equal(Number(file.headers.get('content-length')), file.bytes.length);
      assert.equal(reply.fileSize, file.bytes.length);
      assert.equal(info.fileSize, file.bytes.length);
      assert.match(
        file.headers.get('content-disposition') ?? '',
        new RegExp(`^attachment; filename="${reply.fileName}"`),
      );
      assert.ok(reply.fileName.endsWith(`.${format}`), reply.fileName);
      return (await downloadedTables(format, file, dir, `${name}-${format}`)).table;
    };

    for (const format of FORMATS) {
      it(`overview as ${format} over HTTP: the query API's KPIs with the previous period`, async () => {
        const rows = await tableOf(format, { exportType: 'overview', ...RANGE }, 'overview');
        const want = await queryApi(f, {
          metrics: [...OVERVIEW_METRICS],
          date_range: DATE_RANGE,
          compare: 'previous_period',
        });
        assert.deepEqual(
          rows.map((r) => r.metric),
          [...OVERVIEW_METRICS],
        );
        assert.ok(Number(want.rows[0].messages) > 100, 'the window holds data');
        for (const r of rows) {
          const m = String(r.metric);
          close(num(r.value), want.rows[0][m], `${m} value`);
          close(num(r.previous), want.comparison?.rows[0][m] ?? null, `${m} previous`);
        }
      });

      it(`timeseries as ${format} over HTTP: each day's values as the query API's`, async () => {
        const rows = await tableOf(format, { exportType: 'timeseries', ...RANGE, granularity: 'day' }, 'ts');
        const want = await queryApi(f, {
          metrics: [...TIMESERIES_METRICS],
          dimensions: ['time'],
          granularity: 'day',
          date_range: DATE_RANGE,
        });
        assert.equal(rows.length, 31);
        const byTime = new Map(rows.map((r) => [time(r.time), r]));
        assert.ok(want.rows.length > 10);
        for (const w of want.rows) {
          const r = byTime.get(Date.parse(String(w.time)));
          assert.ok(r, `${w.time} exported`);
          for (const m of TIMESERIES_METRICS) close(num(r[m]), w[m], `${w.time} ${m}`);
        }
      });

      it(`model_comparison as ${format} over HTTP: each model's metrics as the query API's`, async () => {
        const rows = await tableOf(format, { exportType: 'model_comparison', ...RANGE }, 'models');
        const want = await queryApi(f, {
          metrics: [...COMPARED_METRICS],
          dimensions: ['model'],
          date_range: DATE_RANGE,
        });
        const byModel = new Map(rows.map((r) => [String(r.model_id), r]));
        let checked = 0;
        for (const w of want.rows) {
          if (typeof w.model !== 'string' || !w.model) continue;
          const r = byModel.get(w.model);
          assert.ok(r, `${w.model} exported`);
          for (const m of COMPARED_METRICS) close(num(r[m]), w[m], `${w.model} ${m}`);
          checked++;
        }
        assert.ok(checked >= 3, `${checked} models compared`);
      });

      it(`query as ${format} over HTTP: exactly the query's rows`, async () => {
        const q: AnalyticsQuery = {
          metrics: ['messages', 'cost', 'avg_rating'],
          dimensions: ['provider'],
          filters: ['neq', 'role', 'user'],
          date_range: DATE_RANGE,
        };
        const rows = await tableOf(format, { exportType: 'query', query: q }, 'query');
        const want = await queryApi(f, q);
        assert.equal(rows.length, want.rows.length);
        rows.forEach((r, i) => {
          for (const m of q.metrics) close(num(r[m]), want.rows[i][m], `${want.rows[i].provider} ${m}`);
        });
      });

      it(`complete as ${format}: 202 queued, polled to done, a ZIP of the four tables with the query API's counts`, async () => {
        const limits = f.s.ctx.exports.limits;
        const inline = limits.inlineMaxRows;
        limits.inlineMaxRows = 10; // this export is "large": it runs as a job
        try {
          const r = await postExport(f.s.url, auth, { format, exportType: 'complete', ...RANGE });
          assert.equal(r.status, 202, JSON.stringify(r.body));
          assert.equal(r.body.status, 'queued');
          assert.equal(r.body.fileSize, 0);
          const info = await waitForExport(f.s.url, auth, r.body.exportId);
          assert.equal(info.status, 'done', info.error ?? '');
          assert.equal(info.progress, 1);
          const file = await download(f.s.url, auth, r.body.exportId);
          assert.equal(file.status, 200);
          assert.equal(file.headers.get('content-type'), 'application/zip');
          assert.match(r.body.fileName, /^llm-analytics-complete-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.zip$/);
          const tables = await downloadedTables(format, file, dir, `complete-${format}`);
          assert.deepEqual(Object.keys(tables).sort(), [
            'conversations',
            'evaluations',
            'messages',
            'tool_calls',
          ]);
          const want = (
            await queryApi(f, { metrics: ['messages', 'evaluations', 'tool_calls'], date_range: DATE_RANGE })
          ).rows[0];
          for (const t of ['messages', 'evaluations', 'tool_calls'] as const)
            assert.equal(tables[t].length, Number(want[t]), `${t} rows`);
          const total = Object.values(tables).reduce((n, t) => n + t.length, 0);
          assert.equal(info.rows, total);
          // Text a CSV writer could break survives the road.
          const contents = new Set(tables.messages.map((m) => String(m.content ?? '')));
          for (const t of HOSTILE_TEXTS.filter((x) => x && !/^[=+\-@\t\r]/.test(x)))
            assert.ok(contents.has(t), t);
        } finally {
          limits.inlineMaxRows = inline;
        }
      });
    }

    it('a small complete export is written inside its request (below EXPORT_INLINE_MAX_ROWS)', async () => {
      const r = await postExport(f.s.url, auth, {
        format: 'jsonl',
        exportType: 'complete',
        ...RANGE,
        filters: ['eq', 'model', 'gpt-4o'],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'done');
      assert.ok(r.body.fileSize > 0 && r.body.rows > 0);
    });

    it('report and pdf: the HTML report and the PDF download with their media types', async () => {
      const html = await exportAndDownload(f.s.url, auth, {
        format: 'report',
        exportType: 'overview',
        ...RANGE,
      });
      assert.equal(html.file.headers.get('content-type'), 'text/html; charset=utf-8');
      const text = html.file.bytes.toString('utf8');
      assert.match(text, /^<!doctype html>/i);
      assert.ok(text.includes('<svg'), 'inline charts');
      assert.match(html.reply.fileName, /\.html$/);
      const pdf = await exportAndDownload(f.s.url, auth, { format: 'pdf', exportType: 'overview', ...RANGE });
      assert.equal(pdf.file.headers.get('content-type'), 'application/pdf');
      assert.equal(pdf.file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdf.reply.fileName, /\.pdf$/);
    });

    it('filters and includedMetrics pass through to the file', async () => {
      const filters = ['eq', 'model', 'gpt-4o'];
      const rows = await tableOf(
        'csv',
        { exportType: 'overview', ...RANGE, includedMetrics: ['messages', 'cost'], filters },
        'filtered',
      );
      assert.deepEqual(
        rows.map((r) => r.metric),
        ['messages', 'cost'],
      );
      const want = await queryApi(f, {
        metrics: ['messages', 'cost'],
        date_range: DATE_RANGE,
        filters: ['eq', 'model', 'gpt-4o'],
      });
      close(num(rows[0].value), want.rows[0].messages, 'filtered messages');
      close(num(rows[1].value), want.rows[0].cost, 'filtered cost');
      const all = await queryApi(f, { metrics: ['messages'], date_range: DATE_RANGE });
      assert.ok(Number(rows[0].value) < Number(all.rows[0].messages), 'the filter narrows');
    });

    it('a file name with odd characters: a safe ASCII fallback and the exact UTF-8 name', async () => {
      const asked = 'Q2 "Finance" / Grüße 日本\r\n\\report.csv';
      const { reply, file } = await exportAndDownload(f.s.url, auth, {
        format: 'csv',
        exportType: 'overview',
        ...RANGE,
        fileName: asked,
      });
      const cd = file.headers.get('content-disposition') ?? '';
      const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(cd);
      assert.ok(m, cd);
      assert.match(m[1], /^[\x20-\x7e]+$/, 'the fallback is printable ASCII without quotes');
      assert.ok(!m[1].includes('/') && !m[1].includes('\\'));
      const exact = decodeURIComponent(m[2]);
      assert.equal(exact, reply.fileName);
      assert.equal(exact, 'Q2 "Finance" _ Grüße 日本___report.csv');
    });

    it('lists the workspace exports newest first, and polls one', async () => {
      const r = await postExport(f.s.url, auth, { format: 'json', exportType: 'overview', ...RANGE });
      const list = await getJson(f.s.url, auth, '/api/analytics/exports?limit=5');
      assert.equal(list.status, 200);
      const first = list.body.exports[0] as ExportInfo;
      assert.equal(first.id, r.body.exportId);
      assert.equal(first.status, 'done');
      assert.equal(first.requestedBy.startsWith('key:'), true);
      assert.equal(first.fileSize, r.body.fileSize);
      assert.ok(Date.parse(first.expiresAt) - Date.parse(first.createdAt) > 23 * 3600_000);
      assert.ok(list.body.exports.length <= 5);
      assert.ok(list.body.usedBytes >= r.body.fileSize);
      const one = await getJson(f.s.url, auth, `/api/analytics/exports/${r.body.exportId}`);
      assert.deepEqual(one.body, first);
      // The file is under EXPORT_DIR, in the workspace's folder, named by the export's id.
      const stored = join(
        f.s.ctx.config.exportDir,
        workspaceFolder(f.s.workspaceId),
        `${r.body.exportId}.json`,
      );
      assert.ok(existsSync(stored), stored);
    });
  });
}
