// Browser tests of the dashboard: first-run setup, every section rendered from demo data, filters and
// prices moving KPIs to the API's exact values, persistence across reloads, screenshots.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { dashboardRequests } from '../../../web/src/widgets/dashboardRequests.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import {
  ALL_CHARTS,
  apiFromPage,
  chartStates,
  KPI_METRICS,
  kpiValue,
  waitForCharts,
  waitForKpis,
} from './pageHelpers.ts';

interface Reply {
  rows: Record<string, number | string | null>[];
}

describe('dashboard in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  /** Every analytics query the page sends, in order. */
  const sentQueries: unknown[] = [];

  before(async () => {
    s = await startDashboardServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/analytics/query'))
        sentQueries.push(r.postDataJSON());
    });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('first-run setup creates the owner and opens the dashboard', async () => {
    await page.goto(s.url);
    await page.getByRole('heading', { name: 'Welcome to LLM Analytics' }).waitFor();
    await page.getByLabel('Name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    assert.match((await page.textContent('.topbar')) ?? '', /Olivia Owner/);
  });

  it('renders every section with non-empty charts from the demo data', async () => {
    await waitForCharts(page);
    const states = await chartStates(page);
    // The anomaly feed lists what a scan found, and no scan has run on this server (no job runner).
    const expected = Object.fromEntries(
      ALL_CHARTS.map((id) => [id, id === 'anomaly-feed' ? 'empty' : 'ready']),
    );
    assert.deepEqual(states, expected);
    // The page shows the declared widgets and KPI cards, no others, in the declared order.
    const shown = (prefix: string) =>
      page.$$eval(
        `[data-testid^="${prefix}"]`,
        (els, p) => els.map((e) => e.dataset.testid?.slice(p.length)),
        prefix,
      );
    assert.deepEqual(await shown('chart-'), ALL_CHARTS);
    assert.deepEqual(await shown('kpi-'), KPI_METRICS);
    // Charts draw on canvas: a canvas with a size means ECharts rendered, tables must have rows.
    const canvases = await page.$$eval(
      '.echart canvas',
      (els) => els.filter((c) => (c as HTMLCanvasElement).width > 0).length,
    );
    assert.ok(canvases >= 10, `expected ≥ 10 drawn charts, got ${canvases}`);
    const modelRows = await page.$$eval('[data-testid="chart-model-performance"] tbody tr', (r) => r.length);
    assert.ok(modelRows >= 4, `model table has ${modelRows} rows`);
    for (const m of KPI_METRICS) assert.notEqual(await kpiValue(page, m), null, `KPI ${m} has a value`);
    await page.screenshot({ path: artifactPath('dashboard-desktop.png'), fullPage: true });
  });

  it('loads with exactly the analytics queries bench:query measures', () => {
    // Key order is not meaning; list order is the client's batching, not the payload.
    const canonical = (v: unknown): string =>
      JSON.stringify(v, (_k, x) =>
        x && typeof x === 'object' && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
          : x,
      );
    assert.deepEqual(
      sentQueries.map(canonical).sort(),
      dashboardRequests({ dateRange: '30d', filter: undefined, compare: true })
        .map((d) => canonical(d.query))
        .sort(),
    );
  });

  it('a rating filter moves the messages KPI to exactly the value the API returns', async () => {
    const before = await kpiValue(page, 'messages');
    await page.getByRole('button', { name: /^.?Filters/ }).click();
    await page.locator('[data-filter="rating"] input[value="5"]').check();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="kpi-messages"]')?.getAttribute('data-value') !== String(b),
      before,
    );
    await waitForKpis(page);
    const reply = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', {
      metrics: KPI_METRICS,
      date_range: '30d',
      filters: ['in', 'rating', [5]],
      compare: 'previous_period',
    });
    for (const m of ['messages', 'avg_rating', 'success_rate', 'latency_p95']) {
      assert.equal(await kpiValue(page, m), reply.rows[0][m], `KPI ${m}`);
    }
    assert.equal(reply.rows[0].avg_rating, 5);
    const shown = await page.textContent('[data-testid="kpi-messages"] .kpi-value');
    assert.equal(shown, new Intl.NumberFormat('en-US').format(Number(reply.rows[0].messages)));
    assert.ok(Number(reply.rows[0].messages) < Number(before));
  });

  it('a provider price change moves the cost KPI to the re-priced API value', async () => {
    await waitForCharts(page);
    const before = await kpiValue(page, 'cost');
    await page.getByRole('button', { name: /Settings/ }).click();
    const providers = page.locator('fieldset', { hasText: 'Provider overrides' });
    await providers.getByLabel('Provider').fill('runpod');
    await providers.getByRole('button', { name: 'Add' }).click();
    await providers.locator('input[name="runpod.input_per_1k"]').fill('3');
    await providers.locator('input[name="runpod.output_per_1k"]').fill('6');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="kpi-cost"]')?.getAttribute('data-value') !== String(b),
      before,
    );
    await waitForKpis(page);
    const settings = await apiFromPage<{ price_book: { providers: Record<string, unknown> } }>(
      page,
      'GET',
      '/api/settings',
    );
    assert.deepEqual(settings.price_book.providers.runpod, { input_per_1k: 3, output_per_1k: 6 });
    const reply = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', {
      metrics: KPI_METRICS,
      date_range: '30d',
      filters: ['in', 'rating', [5]],
      compare: 'previous_period',
    });
    const after = await kpiValue(page, 'cost');
    assert.equal(after, reply.rows[0].cost);
    assert.ok(Number(after) > Number(before), `cost ${before} → ${after}`);
  });

  it('collapse states, filters and the time range survive a reload', async () => {
    await page.locator('[data-testid="section-cost"] .panel-heading button').click();
    await page.locator('[data-testid="section-cost"][data-collapsed="true"]').waitFor();
    await page.locator('[data-filter="success"] input[value="failure"]').check();
    await page.locator('button[data-range="90d"]').click();
    await page.reload();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    assert.equal(await page.getAttribute('[data-testid="section-cost"]', 'data-collapsed'), 'true');
    assert.equal(await page.getAttribute('[data-testid="section-quality"]', 'data-collapsed'), 'false');
    assert.ok(await page.locator('[data-filter="success"] input[value="failure"]').isChecked());
    assert.ok(await page.locator('[data-filter="rating"] input[value="5"]').isChecked());
    assert.equal(await page.getAttribute('button[data-range="90d"]', 'aria-pressed'), 'true');
    // Reset to defaults clears all of it.
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    assert.equal(await page.getAttribute('[data-testid="section-cost"]', 'data-collapsed'), 'false');
    assert.equal(await page.getAttribute('button[data-range="30d"]', 'aria-pressed'), 'true');
    await page.reload();
    assert.equal(await page.getAttribute('[data-testid="section-cost"]', 'data-collapsed'), 'false');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await waitForCharts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
    await page.screenshot({ path: artifactPath('dashboard-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
