// The HTML report on every engine, read back with a real HTML parser: self-contained, every section present
// with the report's numbers, one bar / point per value in each chart, hostile names inert text, empty states.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type HTMLElement, parse } from 'node-html-parser';
import { describeFilter } from '../../src/exports/report/describeFilter.ts';
import { formatValue } from '../../src/exports/report/formatValue.ts';
import { renderReportHtml } from '../../src/exports/report/renderReportHtml.ts';
import { REPORT_FILE_TYPES, writeReport } from '../../src/exports/report/writeReport.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import {
  EMPTY_WORKSPACE,
  HOSTILE_EXPERIMENT,
  HOSTILE_SESSION,
  HOSTILE_WORKSPACE,
  loadReportFixture,
  type ReportFixture,
  SCRIPT_MODEL,
  UNICODE_BASE,
  UNICODE_MODEL,
} from './reportFixture.ts';

const SECTIONS = ['header', 'kpis', 'charts', 'models', 'training', 'sessions', 'pricing', 'queries'];
const chart = (root: HTMLElement, kind: string) => {
  const svg = root.querySelector(`svg[data-chart="${kind}"]`);
  assert.ok(svg, `chart ${kind}`);
  return svg;
};
/** A cell's shown value (cells with an inline bar keep it in `.v`, beside the bar's SVG title). */
const cellTexts = (row: HTMLElement) =>
  row.querySelectorAll('td').map((td) => td.querySelector('.v')?.text ?? td.text);

for (const engine of ENGINES) {
  describe(`HTML report on ${engine}`, () => {
    let f: ReportFixture;
    before(async () => {
      f = await loadReportFixture(engine);
    });
    after(async () => f?.s.close());

    it('is one self-contained document with every section', async () => {
      const filters = ['not', ['eq', 'error_type', 'timeout']] as ['not', ['eq', string, string]];
      const d = await f.report({ filters });
      const html = renderReportHtml(d);
      assert.ok(html.startsWith('<!doctype html>'));
      const root = parse(html);
      assert.equal(root.querySelector('title')?.text, `LLM Analytics report — ${f.s.workspaceId}`);
      assert.equal(root.querySelectorAll('script, link, img, iframe, object').length, 0);
      assert.ok(!/\b(?:src|href)=/i.test(html), 'no external resources');
      assert.ok(root.querySelector('style')?.text.includes('@media print'), 'print stylesheet inline');
      for (const id of SECTIONS) assert.ok(root.querySelector(`[data-section="${id}"]`), id);
      const meta = (k: string) => root.querySelector(`[data-meta="${k}"]`)?.text;
      assert.equal(meta('Filters'), describeFilter(filters));
      assert.equal(meta('Filters'), 'NOT error_type = "timeout"');
      assert.equal(meta('Generated at'), d.generatedAt);
      assert.ok(meta('Time range')?.includes(`${d.window?.from} – ${d.window?.to}`));
      assert.ok(meta('Compared with')?.includes(d.comparisonWindow?.from ?? 'x'));
    });

    it('KPI cards show the report values and their change', async () => {
      const d = await f.report();
      const root = parse(renderReportHtml(d));
      const cards = root.querySelectorAll('[data-kpi]');
      assert.deepEqual(
        cards.map((c) => c.getAttribute('data-kpi')),
        d.kpis.map((k) => k.metric),
      );
      for (const k of d.kpis) {
        const card = root.querySelector(`[data-kpi="${k.metric}"]`);
        assert.equal(card?.querySelector('.label')?.text, k.label);
        assert.equal(card?.querySelector('.value')?.text, formatValue(k.value, k.unit));
        const change = card?.querySelector('.change');
        assert.ok(change?.text.includes(`was ${formatValue(k.previous, k.unit)}`), change?.text);
      }
      // Cost up is bad news, success up good news: the card's colour follows the KPI's good direction.
      const cost = d.kpis.find((k) => k.metric === 'cost');
      const tone = (m: string) => root.querySelector(`[data-kpi="${m}"] .change`)?.classList;
      if (cost?.change_pct) assert.ok(tone('cost')?.contains(cost.change_pct > 0 ? 'bad' : 'good'));
    });

    it('charts: one cost bar per bucket, one latency point per known value, a bar per model', async () => {
      const d = await f.report();
      const root = parse(renderReportHtml(d));
      const points = d.series.points;
      assert.equal(chart(root, 'cost').querySelectorAll('rect.bar').length, points.length);
      const known =
        points.filter((p) => p.latency_p50 !== null).length +
        points.filter((p) => p.latency_p95 !== null).length;
      assert.ok(known > 20);
      assert.equal(chart(root, 'latency').querySelectorAll('circle.point').length, known);
      assert.equal(chart(root, 'latency').querySelectorAll('line.reference').length, 1);
      assert.ok(
        chart(root, 'latency').querySelector('text.reference-label')?.text.includes(String(d.slaThresholdMs)),
      );
      const withRate = d.models.filter((m) => m.values.success_rate !== null).length;
      assert.equal(chart(root, 'training').querySelectorAll('rect.bar').length, withRate);
      for (const kind of ['cost', 'latency', 'training']) {
        assert.ok(
          chart(root, kind).querySelectorAll('text.y-label, text.bar-label').length > 0,
          `${kind} labels`,
        );
      }
      // A bar's height follows its value: the tallest cost bar is the costliest day.
      const heights = chart(root, 'cost')
        .querySelectorAll('rect.bar')
        .map((r) => Number(r.getAttribute('height')));
      const costs = points.map((p) => p.cost ?? 0);
      assert.equal(heights.indexOf(Math.max(...heights)), costs.indexOf(Math.max(...costs)));
    });

    it('tables: models (with inline bars and deltas), training, sessions, price book and SLA', async () => {
      const d = await f.report();
      const root = parse(renderReportHtml(d));
      const rows = root.querySelectorAll('table[data-table="models"] tbody tr');
      assert.deepEqual(
        rows.map((r) => r.getAttribute('data-model')),
        d.models.map((m) => m.model_id),
      );
      for (const [i, m] of d.models.entries()) {
        const cells = cellTexts(rows[i]);
        assert.equal(cells[0], m.model_id);
        assert.equal(cells[3], formatValue(m.values.messages, 'count'));
        assert.equal(cells[5], formatValue(m.values.success_rate, 'percent'));
        assert.equal(cells[10], formatValue(m.values.cost, 'usd'));
        assert.equal(cells[11], formatValue(m.values.cost_per_message, 'usd'));
        const bar = rows[i].querySelector('svg[data-chart="messages-bar"] rect.bar');
        assert.equal(bar !== null, (m.values.messages ?? 0) > 0, `${m.model_id} messages bar`);
      }
      const sft = d.models.find((m) => m.model_id === 'llama-3-8b-sft');
      const dSuccess =
        (sft?.values.success_rate ?? 0) -
        (d.models.find((m) => m.model_id === 'llama-3-8b')?.values.success_rate ?? 0);
      const sftRow = root.querySelector('tr[data-model="llama-3-8b-sft"]');
      assert.ok(sftRow);
      assert.equal(
        cellTexts(sftRow).at(-1),
        `${dSuccess > 0 ? '+' : '−'}${Math.abs(dSuccess).toFixed(1)} pt`,
      );

      const training = root
        .querySelectorAll('table[data-table="training"] tbody tr')
        .map((r) => r.getAttribute('data-training'));
      assert.deepEqual(training.sort(), ['llama-3-8b-dpo', 'llama-3-8b-rlhf', 'llama-3-8b-sft']);

      const sessions = root.querySelectorAll('table[data-table="sessions"] tbody tr');
      assert.equal(sessions.length, d.sessions.length);
      assert.equal(cellTexts(sessions[0])[2], formatValue(d.sessions[0].values.messages, 'count'));

      assert.equal(root.querySelector('[data-sla]')?.getAttribute('data-sla'), String(d.slaThresholdMs));
      assert.equal(
        root.querySelector('[data-unpriced]')?.getAttribute('data-unpriced'),
        String(d.unpricedMessages),
      );
      const queries = Object.fromEntries(
        root
          .querySelectorAll('pre[data-query]')
          .map((p) => [p.getAttribute('data-query'), JSON.parse(p.text)]),
      );
      assert.deepEqual(queries, d.queries);
    });

    it('hostile names are text, never markup: no script, no event handler, the exact name shown', async () => {
      const d = await f.report({ workspaceId: HOSTILE_WORKSPACE });
      const html = renderReportHtml(d);
      const root = parse(html);
      assert.equal(root.querySelectorAll('script, img, b').length, 0);
      for (const el of root.querySelectorAll('*')) {
        for (const name of Object.keys(el.attributes))
          assert.ok(!/^on/i.test(name), `${el.tagName} has ${name}`);
      }
      const ids = root.querySelectorAll('table[data-table="models"] tbody tr td.name').map((td) => td.text);
      assert.ok(
        ids.includes(SCRIPT_MODEL) && ids.includes(UNICODE_MODEL) && ids.includes(UNICODE_BASE),
        ids.join(' | '),
      );
      assert.ok(root.querySelector(`tr[data-model="${UNICODE_MODEL}"]`), 'attribute values round-trip');
      const session = cellTexts(root.querySelectorAll('table[data-table="sessions"] tbody tr')[0]);
      assert.deepEqual(session.slice(0, 2), [HOSTILE_SESSION, HOSTILE_EXPERIMENT]);
      const bars = chart(root, 'training')
        .querySelectorAll('text.bar-label')
        .map((t) => t.text);
      assert.ok(
        bars.some((b) => b.startsWith('<script>')),
        'chart labels are escaped text too',
      );
      assert.ok(html.includes('&lt;script&gt;window.__pwned'));
    });

    it('all data: cards say there is no comparison, the header that there is no previous period', async () => {
      const root = parse(renderReportHtml(await f.report({ dateRange: 'all' })));
      assert.equal(root.querySelector('[data-meta="Compared with"]')?.text, 'no previous period');
      assert.ok(root.querySelector('[data-meta="Time range"]')?.text.startsWith('all data: all stored data'));
      const changes = root.querySelectorAll('.kpi .change').map((c) => c.text);
      assert.ok(changes.length > 0 && changes.every((c) => c === 'no comparison'));
      assert.ok(chart(root, 'cost').querySelectorAll('rect.bar').length > 20, 'weekly bars');
    });

    it('writeReport writes the document under a temporary name and renames it; a failure leaves nothing', async () => {
      const d = await f.report();
      const dir = tempDir('lla-report-html');
      const out = join(dir, 'report.html');
      const w = await writeReport('report', d, out);
      assert.equal(readFileSync(out, 'utf8'), renderReportHtml(d));
      assert.equal(w.bytes, Buffer.byteLength(renderReportHtml(d)));
      assert.deepEqual(readdirSync(dir), ['report.html']);
      await assert.rejects(writeReport('report', d, join(dir, 'missing', 'r.html')), /ENOENT/);
      assert.deepEqual(readdirSync(dir), ['report.html']);
      assert.equal(REPORT_FILE_TYPES.report.contentType, 'text/html; charset=utf-8');
    });

    it('an empty workspace renders empty states instead of charts and tables', async () => {
      const root = parse(renderReportHtml(await f.report({ workspaceId: EMPTY_WORKSPACE })));
      for (const kind of ['cost', 'latency', 'training']) {
        assert.equal(chart(root, kind).querySelector('text.empty')?.text, 'No data in this range', kind);
        assert.equal(chart(root, kind).querySelectorAll('rect.bar, circle.point').length, 0, kind);
      }
      assert.equal(
        root.querySelectorAll('table[data-table="models"], table[data-table="sessions"]').length,
        0,
      );
      assert.deepEqual(
        root
          .querySelectorAll('[data-section] p.empty')
          .map((p) => p.closest('[data-section]')?.getAttribute('data-section')),
        ['models', 'training', 'sessions', 'pricing'],
      );
    });
  });
}
