// Overview, timeseries, model comparison and query exports in every file format, on both engines: each file
// parses back (csv-parse, JSON, DuckDB for Parquet) and holds exactly the query API's numbers for the same query.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type AnalyticsQuery,
  type AnalyticsReply,
  COMPARED_METRICS,
  type ExportRequest,
  OVERVIEW_METRICS,
  TIMESERIES_METRICS,
} from '@llm-analytics/core';
import { exportFileName } from '../../src/exports/exportTables.ts';
import type { FileFormat } from '../../src/exports/writers/writeExport.ts';
import { close } from '../analytics/fixture.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  type ExportFixture,
  loadExportFixture,
  type Parsed,
  parquetTypes,
  parseFile,
  RANGE,
  runExport,
} from './exportFixture.ts';

const FORMATS: FileFormat[] = ['csv', 'json', 'jsonl', 'parquet'];
const DATE_RANGE = { from: RANGE.startDate, to: RANGE.endDate };

/** A parsed cell as a number (CSV cells are text; an empty cell is null). */
const num = (v: unknown): number | null => (v === '' || v === null || v === undefined ? null : Number(v));
/** A parsed time cell as epoch ms (Parquet TIMESTAMPs read back without a zone: they are UTC). */
const time = (v: unknown): number => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${v}Z`);

async function queryApi(f: ExportFixture, q: AnalyticsQuery): Promise<AnalyticsReply> {
  const r = await post(`${f.s.url}/api/analytics/query`, f.s.adminKey, q, { 'cache-control': 'no-cache' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as unknown as AnalyticsReply;
}

for (const engine of ENGINES) {
  describe(`table exports (${engine})`, () => {
    let f: ExportFixture;
    const dir = tempDir('lla-exports');
    before(async () => {
      f = await loadExportFixture(engine, dir);
    });
    after(() => f.s.close());

    const exportRows = async (r: ExportRequest, name: string): Promise<Parsed> => {
      const out = await runExport(f, r, `${name}-${r.format}`);
      assert.equal(out.tables.length, 1);
      return parseFile(r.format as FileFormat, out.path);
    };

    for (const format of FORMATS) {
      it(`overview as ${format}: KPIs with the previous period, as the query API answers`, async () => {
        const rows = await exportRows({ format, exportType: 'overview', ...RANGE }, 'overview');
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
          close(num(r.change_pct), want.comparison?.change_pct[0][m] ?? null, `${m} change`);
        }
      });

      it(`timeseries as ${format}: one row per day, the query API's values, empty days as zero counts`, async () => {
        const rows = await exportRows(
          { format, exportType: 'timeseries', ...RANGE, granularity: 'day' },
          'timeseries',
        );
        const want = await queryApi(f, {
          metrics: [...TIMESERIES_METRICS],
          dimensions: ['time'],
          granularity: 'day',
          date_range: DATE_RANGE,
        });
        // The window starts at noon 30 days back: it touches 31 days.
        assert.equal(rows.length, 31);
        const byTime = new Map(want.rows.map((r) => [Date.parse(String(r.time)), r]));
        assert.ok(byTime.size > 10 && byTime.size < 31, `${byTime.size} days with data`);
        for (const r of rows) {
          const w = byTime.get(time(r.time));
          for (const m of TIMESERIES_METRICS) {
            const expected = w
              ? w[m]
              : m === 'messages' || m === 'conversations' || m === 'evaluations'
                ? 0
                : null;
            if (!w && (m === 'total_tokens' || m === 'cost')) close(num(r[m]), 0, `${r.time} ${m}`);
            else close(num(r[m]), expected ?? null, `${r.time} ${m}`);
          }
        }
        if (format === 'parquet') {
          const types = await parquetTypes(
            (await runExport(f, { format, exportType: 'timeseries', ...RANGE }, 'ts-types')).path,
          );
          assert.equal(types.time, 'TIMESTAMP');
          assert.equal(types.messages, 'BIGINT');
          assert.equal(types.cost, 'DOUBLE');
        }
      });

      it(`model_comparison as ${format}: per-model metrics and fine-tune deltas to the base`, async () => {
        const rows = await exportRows({ format, exportType: 'model_comparison', ...RANGE }, 'models');
        const want = await queryApi(f, {
          metrics: [...COMPARED_METRICS],
          dimensions: ['model'],
          date_range: DATE_RANGE,
        });
        const byModel = new Map(rows.map((r) => [String(r.model_id), r]));
        for (const w of want.rows) {
          if (typeof w.model !== 'string' || !w.model) continue;
          const r = byModel.get(w.model);
          assert.ok(r, `${w.model} exported`);
          for (const m of COMPARED_METRICS) close(num(r[m]), w[m], `${w.model} ${m}`);
        }
        const sft = byModel.get('llama-3-8b-sft');
        const base = byModel.get('llama-3-8b');
        assert.ok(sft && base);
        assert.equal(sft.base_model, 'llama-3-8b');
        close(num(sft.messages_vs_base), Number(sft.messages) - Number(base.messages), 'messages delta');
        const pct =
          ((Number(sft.latency_p50) - Number(base.latency_p50)) / Math.abs(Number(base.latency_p50))) * 100;
        assert.ok(Number.isFinite(pct));
        close(num(sft.latency_p50_vs_base_pct), pct, 'latency delta %');
        assert.equal(num(base.messages_vs_base), null, 'a base model has no delta');
      });

      it(`query as ${format}: exactly the query's rows, comparison columns included`, async () => {
        const q: AnalyticsQuery = {
          metrics: ['messages', 'cost', 'avg_rating'],
          dimensions: ['provider'],
          filters: ['neq', 'role', 'user'],
          date_range: DATE_RANGE,
          compare: 'previous_period',
        };
        const rows = await exportRows({ format, exportType: 'query', query: q }, 'query');
        const want = await queryApi(f, q);
        assert.equal(rows.length, want.rows.length);
        rows.forEach((r, i) => {
          const w = want.rows[i];
          assert.equal(r.provider === '' && format === 'csv' ? null : r.provider, w.provider);
          for (const m of q.metrics) {
            close(num(r[m]), w[m], `${w.provider} ${m}`);
            close(
              num(r[`${m}_change_pct`]),
              want.comparison?.change_pct[i][m] ?? null,
              `${w.provider} ${m} %`,
            );
          }
        });
      });
    }

    it('includedMetrics and filters apply (overview and timeseries)', async () => {
      const filters: ExportRequest['filters'] = ['eq', 'model', 'gpt-4o'];
      const rows = await exportRows(
        { format: 'json', exportType: 'overview', ...RANGE, includedMetrics: ['messages', 'cost'], filters },
        'filtered',
      );
      const want = await queryApi(f, { metrics: ['messages', 'cost'], date_range: DATE_RANGE, filters });
      assert.deepEqual(
        rows.map((r) => r.metric),
        ['messages', 'cost'],
      );
      close(rows[0].value, want.rows[0].messages, 'filtered messages');
      close(rows[1].value, want.rows[0].cost, 'filtered cost');
      const all = await queryApi(f, { metrics: ['messages'], date_range: DATE_RANGE });
      assert.ok(Number(rows[0].value) < Number(all.rows[0].messages), 'the filter narrows');

      const ts = await exportRows(
        {
          format: 'csv',
          exportType: 'timeseries',
          ...RANGE,
          includedMetrics: ['errors'],
          filters,
          granularity: 'week',
        },
        'filtered-ts',
      );
      assert.deepEqual(Object.keys(ts[0]), ['time', 'errors']);
      const wantTs = await queryApi(f, {
        metrics: ['errors'],
        dimensions: ['time'],
        granularity: 'week',
        date_range: DATE_RANGE,
        filters,
      });
      const sum = ts.reduce((n, r) => n + Number(r.errors), 0);
      assert.equal(
        sum,
        wantTs.rows.reduce((n, r) => n + Number(r.errors), 0),
      );
    });
  });
}

describe('exportFileName', () => {
  it('names what, which days and the file type, in characters safe in a Content-Disposition', () => {
    assert.equal(
      exportFileName({ format: 'csv', exportType: 'model_comparison', ...RANGE }, 'csv'),
      `llm-analytics-model-comparison-${RANGE.startDate.slice(0, 10)}_${RANGE.endDate.slice(0, 10)}.csv`,
    );
    const q: ExportRequest = {
      format: 'parquet',
      exportType: 'query',
      query: { metrics: ['cost'], date_range: '7d' },
    };
    assert.equal(exportFileName(q, 'parquet'), 'llm-analytics-query.parquet');
  });
});
