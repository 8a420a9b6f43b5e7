// Browser tests of exporting from the dashboard: the Export dialog prefilled from the dashboard, a CSV overview
// downloaded and checked against the query API, a queued export's progress and link, history, field errors,
// the quota, expiry, the chart cards' CSV (the widget's own rows) and PNG / SVG pictures, and who sees it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ExportInfo, ExportList, ExportRequest } from '@llm-analytics/core';
import { parse } from 'csv-parse/sync';
import type { Download, Locator, Page } from 'playwright-core';
import { WIDGETS } from '../../../web/src/widgets/widgets.ts';
import type { Config } from '../../src/config.ts';
import { generateDemo } from '../../src/demo/generateDemo.ts';
import { ensureWebBuild } from '../../src/web/ensureWebBuild.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, VIEWER } from './dashboardFixture.ts';
import { apiFromPage, signIn, waitForCharts } from './pageHelpers.ts';

type Cell = number | string | null;
interface Reply {
  rows: Record<string, Cell>[];
}

const OVERVIEW = [
  'messages',
  'conversations',
  'avg_rating',
  'success_rate',
  'error_rate',
  'latency_p95',
  'sla_breach_rate',
  'cost',
  'total_tokens',
];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A real server with demo data; `config` sets the export limits under test. */
async function startServer(messages: number, config: Partial<Config>): Promise<TestServer> {
  ensureWebBuild(() => {});
  const s = await startTestServer({ config });
  for (const batch of generateDemo({ messages, seed: 7 })) await s.ctx.ingest.ingest(s.workspaceId, batch);
  await s.ctx.accounts.setup(OWNER);
  // As `serve` does: queued exports run on the job runner.
  await s.ctx.jobRunner.start();
  return s;
}

async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export data' });
  await dialog.waitFor();
  return dialog;
}

async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Clicks `trigger` and returns the file the browser downloads. */
async function download(page: Page, trigger: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), trigger()]);
  const path = await d.path();
  return { d, bytes: await readFile(path) };
}

/** Waits until the dialog's export is done; a timeout says what the dialog showed instead. */
async function jobDone(dialog: Locator, timeout = 20_000): Promise<Locator> {
  const job = dialog.getByTestId('export-job');
  try {
    await dialog.locator('[data-testid="export-job"][data-status="done"]').waitFor({ timeout });
  } catch (e) {
    const shown = await dialog.textContent().catch(() => '(no dialog)');
    throw new Error(`the export is not done: ${(e as Error).message.split('\n')[0]}\n${shown}`);
  }
  return job;
}

const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));

describe('exports in Chromium', { timeout: 240_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  /** Every export request the page sends, in order. */
  const sent: ExportRequest[] = [];

  before(async () => {
    // Every `complete` export is queued (a background job), as a large one is.
    s = await startServer(6000, { exportInlineMaxRows: 0 });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/analytics/export')) sent.push(r.postDataJSON());
    });
    await signIn(page, s.url, OWNER);
    await waitForCharts(page);
  });
  // A test that failed with the dialog open must not take the next one down with it.
  beforeEach(() => page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog[open]')?.close()));
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it("prefills the dialog with the dashboard's range and filters", async () => {
    const [from, to] = [day(-20), day(-2)];
    await page.locator('button[data-range="custom"]').click();
    const range = page.locator('.custom-range');
    await range.getByLabel('From').fill(from);
    await range.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: /^.?Filters/ }).click();
    await page.locator('[data-filter="success"] input[value="success"]').check();
    await waitForCharts(page);
    const dialog = await openExportDialog(page);
    assert.equal(await dialog.getByLabel('From').inputValue(), from);
    assert.equal(await dialog.getByLabel('To (included)').inputValue(), to);
    const filters = dialog.getByTestId('export-filters');
    assert.ok(await filters.getByRole('checkbox').isChecked(), "the dashboard's filters apply by default");
    assert.match((await filters.textContent()) ?? '', /success = true/);
    assert.equal(await dialog.getByLabel('Format').inputValue(), 'csv');
    assert.equal(await dialog.getByLabel('Contents').inputValue(), 'overview');
    await page.screenshot({ path: artifactPath('export-dialog.png') });
    await closeDialog(dialog);
  });

  it('downloads a CSV overview equal to the query API for the same range and filters', async () => {
    const dialog = await openExportDialog(page);
    const from = await dialog.getByLabel('From').inputValue();
    const to = await dialog.getByLabel('To (included)').inputValue();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const job = await jobDone(dialog);
    const { d, bytes } = await download(page, () => job.getByRole('button', { name: /^Download / }).click());
    assert.match(d.suggestedFilename(), /^llm-analytics-overview-.*\.csv$/);
    const rows: Record<string, string>[] = parse(bytes.toString('utf8'), { columns: true, bom: true });
    assert.deepEqual(
      rows.map((r) => r.metric),
      OVERVIEW,
    );
    const want = await apiFromPage<Reply & { comparison?: Reply }>(page, 'POST', '/api/analytics/query', {
      metrics: OVERVIEW,
      date_range: { from, to },
      filters: ['eq', 'success', true],
      compare: 'previous_period',
    });
    assert.ok(Number(want.rows[0].messages) > 0, 'the range holds data');
    for (const r of rows) {
      assert.equal(num(r.value), want.rows[0][r.metric] ?? null, `${r.metric} value`);
      assert.equal(num(r.previous), want.comparison?.rows[0]?.[r.metric] ?? null, `${r.metric} previous`);
    }
    assert.deepEqual(sent.at(-1), {
      format: 'csv',
      exportType: 'overview',
      startDate: from,
      endDate: to,
      includedMetrics: OVERVIEW,
      filters: ['eq', 'success', true],
    });
    await closeDialog(dialog);
  });

  it("shows a 400's message at its field and sends nothing it cannot mean", async () => {
    const dialog = await openExportDialog(page);
    for (const m of OVERVIEW) await dialog.locator(`input[name="includedMetrics"][value="${m}"]`).uncheck();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const error = dialog.locator('[data-error-for="includedMetrics"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /\S/);
    await dialog.locator('input[name="includedMetrics"][value="messages"]').check();
    await dialog.getByLabel('To (included)').fill(day(-30));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.locator('[data-error-for="endDate"]').filter({ hasText: 'after startDate' }).waitFor();
    assert.equal(await error.count(), 0, 'the metrics error is gone once metrics are chosen');
    await closeDialog(dialog);
  });

  it('a queued complete export shows its progress, then a link; history lists it', async () => {
    const dialog = await openExportDialog(page);
    await dialog.getByLabel('Contents').selectOption('complete');
    assert.equal(
      await dialog.locator('input[name="includedMetrics"]').count(),
      0,
      'raw rows take no metrics',
    );
    // Every status the job panel shows, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const job = document.querySelector('[data-testid="export-job"]');
        const status = job?.getAttribute('data-status');
        const tag = `${status}${job?.querySelector('progress') ? '+progress' : ''}`;
        if (status && seen.at(-1) !== tag) seen.push(tag);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const job = await jobDone(dialog, 25_000);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.equal(seen[0], 'queued+progress', `statuses shown: ${seen.join(' → ')}`);
    assert.equal(seen.at(-1), 'done');
    const { d, bytes } = await download(page, () => job.getByRole('button', { name: /^Download / }).click());
    assert.match(d.suggestedFilename(), /\.zip$/);
    assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a zip file');
    // The history lists it with what the API says of it.
    const list = await apiFromPage<ExportList>(page, 'GET', '/api/analytics/exports');
    const mine = list.exports.find((e) => e.exportType === 'complete') as ExportInfo;
    assert.equal(mine.status, 'done');
    const row = dialog.locator(`.export-history tr[data-export-id="${mine.id}"]`);
    await row.and(page.locator('[data-status="done"]')).waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, new RegExp(mine.rows.toLocaleString('en-US')));
    assert.match(text, new RegExp(mine.requestedBy));
    assert.equal(
      await dialog.locator('.export-history tbody tr').count(),
      list.exports.length,
      'one row per export of the workspace',
    );
    await page.screenshot({ path: artifactPath('export-history.png') });
    await closeDialog(dialog);
  });

  it("a chart card's CSV and JSON hold exactly the rows of the chart's query", async () => {
    const widget = WIDGETS.find((w) => w.id === 'success-rate');
    assert.ok(widget?.query);
    const card = page.getByTestId('chart-success-rate');
    await card.scrollIntoViewIfNeeded();
    const menu = card.getByTestId('download-success-rate');
    await menu.getByText('Download').click();
    const { bytes } = await download(page, () => menu.locator('[data-download="csv"]').click());
    const req = sent.at(-1) as ExportRequest;
    assert.equal(req.exportType, 'query');
    // The query the chart runs: the header's custom range, the success filter, comparison on.
    const [from, to] = [day(-20), day(-2)];
    const query = widget.query({
      dateRange: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` },
      filter: ['eq', 'success', true],
      compare: true,
    });
    assert.deepEqual(req.query, query);
    const want = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', query);
    const rows: Record<string, string>[] = parse(bytes.toString('utf8'), { columns: true, bom: true });
    assert.ok(want.rows.length > 5, 'the chart has points');
    assert.equal(rows.length, want.rows.length);
    rows.forEach((r, i) => {
      assert.equal(Date.parse(r.time), Date.parse(String(want.rows[i].time)), `row ${i} time`);
      assert.equal(num(r.success_rate), want.rows[i].success_rate, `row ${i} success_rate`);
    });
    // JSON: the same rows as objects.
    await menu.getByText('Download').click();
    const json = await download(page, () => menu.locator('[data-download="json"]').click());
    assert.deepEqual((sent.at(-1) as ExportRequest).query, query);
    const objects = JSON.parse(json.bytes.toString('utf8')) as Record<string, Cell>[];
    assert.deepEqual(
      objects.map((o) => [Date.parse(String(o.time)), o.success_rate]),
      want.rows.map((r) => [Date.parse(String(r.time)), r.success_rate]),
    );
  });

  it("a chart card's PNG is a real PNG and its SVG a drawn SVG", async () => {
    const menu = page.getByTestId('download-success-rate');
    await menu.getByText('Download').click();
    const offered = () =>
      menu.locator('[data-download]').evaluateAll((els) => els.map((e) => e.getAttribute('data-download')));
    assert.deepEqual(await offered(), ['csv', 'json', 'png', 'svg']);
    await page.screenshot({ path: artifactPath('chart-download-menu.png') });
    const png = await download(page, () => menu.locator('[data-download="png"]').click());
    assert.match(png.d.suggestedFilename(), /^success-rate-.*\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.bytes.length > 5000, `a drawn picture (${png.bytes.length} bytes)`);
    await menu.getByText('Download').click();
    const svg = await download(page, () => menu.locator('[data-download="svg"]').click());
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok((text.match(/<path/g) ?? []).length > 3, 'the SVG draws the series and axes');
    // A table has no picture: CSV and JSON only.
    const tableMenu = page.getByTestId('download-model-performance');
    await tableMenu.getByText('Download').click();
    assert.deepEqual(
      await tableMenu
        .locator('[data-download]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-download'))),
      ['csv', 'json'],
    );
    await tableMenu.getByText('Download').click();
  });

  it('a viewer (no export permission) sees neither the Export button nor download menus', async () => {
    await s.ctx.accounts.createUser(VIEWER, s.workspaceId, 'viewer');
    // The persistent context shares cookies: this signs the owner out, so it runs last.
    await browser.context.clearCookies();
    const viewerPage = await browser.context.newPage();
    try {
      await signIn(viewerPage, s.url, VIEWER);
      await waitForCharts(viewerPage);
      assert.equal(await viewerPage.getByRole('button', { name: 'Export', exact: true }).count(), 0);
      assert.equal(await viewerPage.locator('.download-menu').count(), 0);
      assert.ok((await viewerPage.locator('[data-testid^="chart-"]').count()) > 5, 'the charts are there');
    } finally {
      await viewerPage.close();
    }
  });
});

describe('export quota and expiry in Chromium', { timeout: 120_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const TTL_HOURS = 8 / 3600;
  /** Room for one overview CSV (~550 B), not for a timeseries JSON beside it. */
  const QUOTA = 2000;

  before(async () => {
    // Files expire 8 s after they are written.
    s = await startServer(300, { exportMaxBytesPerWorkspace: QUOTA, exportTtlHours: TTL_HOURS });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows the quota message (429), then the expired export in the history', async () => {
    const dialog = await openExportDialog(page);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await jobDone(dialog);
    await dialog.getByLabel('Format').selectOption('json');
    await dialog.getByLabel('Contents').selectOption('timeseries');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const quota = dialog.getByRole('alert').filter({ hasText: 'Export quota reached' });
    await quota.waitFor();
    assert.match((await quota.textContent()) ?? '', /EXPORT_MAX_BYTES_PER_WORKSPACE/);
    const [first] = (await apiFromPage<ExportList>(page, 'GET', '/api/analytics/exports')).exports;
    await closeDialog(dialog);
    await new Promise((ok) => setTimeout(ok, Math.max(0, Date.parse(first.expiresAt) - Date.now() + 300)));
    const again = await openExportDialog(page);
    const row = again.locator(`.export-history tr[data-export-id="${first.id}"]`);
    await row.and(page.locator('[data-status="expired"]')).waitFor();
    assert.match((await row.textContent()) ?? '', /expired/);
    assert.equal(
      await row.getByRole('button', { name: /^Download / }).count(),
      0,
      'no link to an expired file',
    );
    await closeDialog(again);
  });
});
