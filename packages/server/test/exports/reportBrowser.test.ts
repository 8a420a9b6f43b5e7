// The HTML report opened from disk in real Chromium on every engine: every chart is drawn (non-zero boxes for
// the SVGs and each bar and point), on screen and in print layout; hostile names run nothing; no errors.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatValue } from '../../src/exports/report/formatValue.ts';
import { renderReportHtml } from '../../src/exports/report/renderReportHtml.ts';
import { ENGINES } from '../helpers/engines.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { artifactPath, launchBrowser, type TestBrowser } from '../web/browser.ts';
import {
  EMPTY_WORKSPACE,
  HOSTILE_WORKSPACE,
  loadReportFixture,
  type ReportFixture,
} from './reportFixture.ts';

/** Boxes (width × height) of every element matching `selector`, as laid out. */
const boxes = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { w: r.width, h: r.height };
    }),
  );

for (const engine of ENGINES) {
  describe(`HTML report in Chromium on ${engine}`, () => {
    let f: ReportFixture;
    let browser: TestBrowser;
    const dir = tempDir('lla-report-html');
    before(async () => {
      [f, browser] = await Promise.all([
        loadReportFixture(engine),
        launchBrowser({ width: 1200, height: 900 }),
      ]);
    });
    after(async () => {
      await browser?.close();
      await f?.s.close();
    });

    async function open(name: string, html: string): Promise<{ page: Page; errors: string[] }> {
      const file = join(dir, name);
      writeFileSync(file, html);
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(`file://${file}`);
      return { page, errors };
    }

    it('draws every chart, each bar and point with a real box, on screen and in print', async () => {
      const d = await f.report();
      const { page, errors } = await open('report.html', renderReportHtml(d));
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const charts = await boxes(
          page,
          'svg[data-chart="cost"], svg[data-chart="latency"], svg[data-chart="training"]',
        );
        assert.equal(charts.length, 3, media);
        for (const b of charts) assert.ok(b.w > 200 && b.h > 40, `${media}: chart ${b.w}×${b.h}`);
        const bars = await boxes(page, 'svg[data-chart="cost"] rect.bar');
        assert.equal(bars.length, d.series.points.length);
        const drawn = bars.filter((b) => b.w > 0 && b.h > 0).length;
        assert.equal(
          drawn,
          d.series.points.filter((p) => (p.cost ?? 0) > 0).length,
          `${media}: cost bars drawn`,
        );
        const points = await boxes(page, 'svg[data-chart="latency"] circle.point');
        const known = d.series.points
          .flatMap((p) => [p.latency_p50, p.latency_p95])
          .filter((v) => v !== null).length;
        assert.equal(points.filter((b) => b.w > 0 && b.h > 0).length, known, `${media}: latency points`);
        const lines = await boxes(page, 'svg[data-chart="latency"] polyline.line');
        assert.ok(lines.length >= 2 && lines.every((b) => b.w > 0), `${media}: latency lines`);
        const modelBars = await boxes(page, 'svg[data-chart="training"] rect.bar');
        assert.equal(
          modelBars.filter((b) => b.w > 0 && b.h > 0).length,
          d.models.filter((m) => m.values.success_rate !== null).length,
        );
        const mini = await boxes(page, 'svg[data-chart="messages-bar"]');
        assert.equal(mini.length, d.models.length);
        assert.ok(
          mini.every((b) => b.w > 0 && b.h > 0),
          `${media}: inline bars`,
        );
      }
      await page.emulateMedia({ media: 'screen' });
      const kpis = await page.$$eval('.kpi .value', (els) => els.map((e) => e.textContent));
      assert.deepEqual(
        kpis,
        d.kpis.map((k) => formatValue(k.value, k.unit)),
      );
      const cards = await boxes(page, '.kpi');
      assert.ok(
        cards.every((b) => b.w > 100 && b.h > 30),
        'KPI cards laid out',
      );
      if (engine === 'duckdb')
        await page.screenshot({ path: artifactPath('report-html.png'), fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('runs nothing from hostile names: no script, no handler, no dialog', async () => {
      const { page, errors } = await open(
        'hostile.html',
        renderReportHtml(await f.report({ workspaceId: HOSTILE_WORKSPACE })),
      );
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.equal(await page.locator('script, img').count(), 0);
      const names = await page.$$eval('table[data-table="models"] td.name', (els) =>
        els.map((e) => e.textContent),
      );
      assert.ok(names.includes('<script>window.__pwned = 1</script>'), names.join(' | '));
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('an empty workspace shows its empty charts framed and labelled', async () => {
      const { page, errors } = await open(
        'empty.html',
        renderReportHtml(await f.report({ workspaceId: EMPTY_WORKSPACE })),
      );
      const empty = await boxes(page, 'svg text.empty');
      assert.equal(empty.length, 3);
      assert.ok(empty.every((b) => b.w > 50 && b.h > 0));
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
