// Browser test of the benchmark chart in Model & Training: the demo's three benchmarks and their runs, the SFT
// fine-tune against its base, a regression listed with the judge's text, and the empty state of a range with
// no runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_POLICY_REGRESSIONS } from '../../src/demo/demoBenchmarks.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import { apiFromPage, signIn, waitForCharts } from './pageHelpers.ts';

const CHART = '[data-testid="chart-benchmark-analysis"]';

describe('benchmark chart in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  before(async () => {
    s = await startDashboardServer(2000);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await s.ctx.accounts.setup(OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it("shows the demo's benchmarks, runs, the fine-tune against its base and the regressions", async () => {
    await signIn(page, s.url, OWNER);
    await waitForCharts(page, ['benchmark-analysis']);
    const chart = page.locator(CHART);
    assert.equal(await chart.locator('[data-state]').first().getAttribute('data-state'), 'ready');
    const options = await chart.locator('[data-testid="benchmark-select"] option').allTextContents();
    assert.deepEqual(options.sort(), ['Policy compliance', 'Support QA', 'Ticket summaries']);
    const api = await apiFromPage<{ data: { totalJudgments: number } }>(
      page,
      'GET',
      '/api/analytics/benchmark-analysis?period=30d',
    );
    assert.match(
      (await chart.locator('[data-testid="benchmark-summary"]').textContent()) ?? '',
      new RegExp(`3 benchmarks · ${api.data.totalJudgments} judgments`),
    );
    // Two canvases: accuracy with intervals, and runs over time.
    assert.equal(await chart.locator('canvas').count(), 2);

    await chart.locator('[data-testid="benchmark-select"]').selectOption({ label: 'Support QA' });
    const fineTunes = chart.locator('[data-testid="benchmark-fine-tunes"] tbody tr');
    const sft = fineTunes.filter({ hasText: 'llama-3-8b-support-sft' });
    assert.match((await sft.textContent()) ?? '', /llama-3-8b-base.*\+\d+\.\d pt.*better than base/);

    await chart.locator('[data-testid="benchmark-select"]').selectOption({ label: 'Policy compliance' });
    const regressions = chart.locator('[data-testid="benchmark-regressions"] tbody tr');
    await regressions.first().waitFor();
    const rows = await regressions.allTextContents();
    assert.equal(rows.length, DEMO_POLICY_REGRESSIONS.length);
    for (const i of DEMO_POLICY_REGRESSIONS) {
      const row = rows.find((r) => r.includes(`policy-compliance-q${i}`));
      assert.ok(row, `item ${i} listed`);
      assert.match(row, /llama-3-8b-support-sft.*base llama-3-8b-base.*gpt-4o-judge.*Over-refusal/);
    }
    await chart.screenshot({ path: artifactPath('benchmarks.png') });
  });

  it('shows the empty state when no benchmark result lies in the range', async () => {
    await page.route('**/api/analytics/benchmark-analysis?*', (route) =>
      route.continue({
        url: `${s.url}/api/analytics/benchmark-analysis?startDate=2020-01-01&endDate=2020-01-31`,
      }),
    );
    await page.reload();
    await waitForCharts(page, ['benchmark-analysis']);
    const state = await page.locator(`${CHART} [data-state]`).first().getAttribute('data-state');
    assert.equal(state, 'empty');
    assert.match((await page.locator(CHART).textContent()) ?? '', /No benchmark results/);
    await page.unroute('**/api/analytics/benchmark-analysis?*');
  });
});
