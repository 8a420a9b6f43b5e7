// Browser tests of the AnomalyFeed in the Operations section against the real server: "scan now" runs the scan
// job, the incident of the data shows newest first with its band chart, a click sets the dashboard to its model
// and period (the KPIs then equal the query API's figures for that slice and range), triage moves it between
// the status views, and a viewer only reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnomalyRecord } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/web/ensureWebBuild.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { dayStart, REGRESSION, regressionBatches } from './anomalyFixture.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, VIEWER } from './dashboardFixture.ts';
import { apiFromPage, kpiValue, signIn, waitForKpis } from './pageHelpers.ts';

const DAY = 86_400_000;
const listed = async (page: Page, q = '') =>
  (await apiFromPage<{ anomalies: AnomalyRecord[] }>(page, 'GET', `/api/analytics/anomalies${q}`)).anomalies;

describe('anomaly feed in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let incident: AnomalyRecord;

  before(async () => {
    ensureWebBuild(() => {});
    // No scheduled scan: the test's "scan now" is the only one.
    s = await startTestServer({ config: { anomalyScanMinutes: 0 } });
    for (const b of regressionBatches()) await s.ctx.ingest.ingest(s.workspaceId, b);
    await s.ctx.accounts.setup(OWNER);
    // As `serve` does: the scan runs as a job.
    await s.ctx.jobRunner.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('is empty before a scan; "scan now" finds the incident at its model and start', async () => {
    const feed = page.getByTestId('chart-anomaly-feed');
    await feed.scrollIntoViewIfNeeded();
    await feed.locator('[data-state="empty"]').waitFor();
    await feed.getByRole('button', { name: 'Scan now' }).click();
    await feed.locator('[data-testid="scan-outcome"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    await feed.locator('[data-state="ready"] li.anomaly').first().waitFor();
    const all = await listed(page);
    const found = all.find(
      (a) => a.metric === 'success_rate' && a.slice.value === REGRESSION.model && a.direction === 'drop',
    );
    assert.ok(found, JSON.stringify(all.map((a) => [a.metric, a.slice, a.start])));
    incident = found;
    const start = dayStart(REGRESSION.startDaysAgo);
    assert.ok(Math.abs(Date.parse(incident.start) - start) <= DAY, `starts at ${incident.start}`);
    // Shown newest first, as the API lists open and acknowledged ones, each once.
    const shown = await feed
      .locator('li.anomaly')
      .evaluateAll((li) => li.map((l) => l.getAttribute('data-id')));
    const expected = [...all].sort((a, b) => b.start.localeCompare(a.start) || b.peak.score - a.peak.score);
    assert.deepEqual(
      shown,
      expected.map((a) => a.id),
    );
    const item = feed.locator(`li[data-id="${incident.id}"]`);
    assert.equal(await item.locator('[data-severity]').getAttribute('data-severity'), incident.severity);
    await item.locator('canvas').waitFor();
    await feed.screenshot({ path: artifactPath('anomaly-feed.png') });
  });

  it("sets the dashboard to the anomaly's model and period on a click", async () => {
    const item = page.locator(`[data-testid="chart-anomaly-feed"] li[data-id="${incident.id}"]`);
    await item.getByRole('button', { name: /Success rate dropped · model support-bot/ }).click();
    await page.locator('button[data-range="custom"][aria-pressed="true"]').waitFor();
    const controls = page.getByRole('region', { name: 'Dashboard controls' });
    const from = await controls.getByLabel('From', { exact: true }).inputValue();
    const to = await controls.getByLabel('To', { exact: true }).inputValue();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    assert.ok(from < day(Date.parse(incident.start)), `${from} is before the start`);
    assert.ok(to >= day(Date.parse(incident.end) - 1), `${to} covers the end`);
    const filters = page.getByTestId('filters-panel');
    await filters.getByText('1 active').waitFor();
    await filters.getByRole('button', { name: /Filters/ }).click();
    assert.ok(await filters.getByRole('checkbox', { name: REGRESSION.model }).isChecked());
    // The KPI row now shows that model over that period, as the query API computes it.
    await waitForKpis(page);
    const api = await apiFromPage<{ rows: Record<string, number>[] }>(page, 'POST', '/api/analytics/query', {
      metrics: ['messages', 'success_rate'],
      date_range: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` },
      filters: ['in', 'model', [REGRESSION.model]],
    });
    assert.equal(await kpiValue(page, 'messages'), api.rows[0].messages);
    assert.ok(Math.abs(((await kpiValue(page, 'success_rate')) ?? 0) - api.rows[0].success_rate) < 1e-9);
    await page.screenshot({ path: artifactPath('anomaly-focus.png') });
  });

  it('acknowledges and resolves, moving it between the status views', async () => {
    const feed = page.getByTestId('chart-anomaly-feed');
    await feed.scrollIntoViewIfNeeded();
    const item = feed.locator(`li[data-id="${incident.id}"]`);
    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await feed.locator(`li[data-id="${incident.id}"][data-status="acknowledged"]`).waitFor();
    const acked = (await listed(page, '?status=acknowledged')).find((a) => a.id === incident.id);
    assert.equal(acked?.acknowledged_by, OWNER.email);
    await item.getByRole('button', { name: 'Resolve' }).click();
    await item.waitFor({ state: 'detached' });
    await feed.getByLabel('Show').selectOption('resolved');
    await feed.locator(`li[data-id="${incident.id}"][data-status="resolved"]`).waitFor();
    assert.equal(
      (await listed(page, '?status=resolved')).find((a) => a.id === incident.id)?.status,
      'resolved',
    );
  });

  it('shows a viewer the anomalies without triage or scan controls', async () => {
    await s.ctx.accounts.createUser(VIEWER, s.workspaceId, 'viewer');
    await browser.context.clearCookies();
    const viewer = await browser.context.newPage();
    try {
      await signIn(viewer, s.url, VIEWER);
      const feed = viewer.getByTestId('chart-anomaly-feed');
      await feed.scrollIntoViewIfNeeded();
      await feed.locator('[data-state="ready"] li.anomaly').first().waitFor();
      for (const name of ['Scan now', 'Acknowledge', 'Resolve']) {
        assert.equal(await feed.getByRole('button', { name }).count(), 0, name);
      }
    } finally {
      await viewer.close();
    }
  });
});
