// Browser tests of the header and top bar: a custom date range, switching workspaces, and auto-refresh
// picking up newly ingested data without a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/testServer.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import { apiFromPage, kpiValue, signIn, waitForCharts, waitForKpis } from './pageHelpers.ts';

interface Reply {
  rows: Record<string, number | string | null>[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Waits until the messages KPI shows `want`. */
async function kpiBecomes(page: Page, want: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="kpi-messages"]')?.getAttribute('data-value') === String(w),
    want,
    { timeout },
  );
}

describe('dashboard header controls in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    s = await startDashboardServer(3000);
    browser = await launchBrowser();
    await s.ctx.accounts.setup(OWNER);
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
    await waitForCharts(page);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a custom range shows exactly what the API returns for that window', async () => {
    const [from, to] = [day(-20), day(-10)];
    await page.locator('button[data-range="custom"]').click();
    const range = page.locator('.custom-range');
    await range.getByLabel('From').fill(from);
    await range.getByLabel('To', { exact: true }).fill(to);
    const reply = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', {
      metrics: ['messages'],
      date_range: { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` },
    });
    const want = Number(reply.rows[0].messages);
    assert.ok(want > 0, 'the demo data covers the window');
    await kpiBecomes(page, want);
    await waitForCharts(page);
    await page.locator('button[data-range="30d"]').click();
  });

  it('switching workspaces shows the other workspace’s data', async () => {
    const created = await apiFromPage<{ id: string }>(page, 'POST', '/api/workspaces', {
      name: 'Second team',
    });
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const sent = await s.ctx.ingest.ingest(created.id, {
      messages: [1, 2, 3].map((i) => ({
        id: `w2-${i}`,
        conversation_id: 'w2-c',
        role: 'user' as const,
        created_at: at,
      })),
    });
    assert.equal(sent.accepted.messages, 3);
    await page.reload();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    await page.locator('.workspace-switcher select').selectOption(created.id);
    await kpiBecomes(page, 3);
    await page.locator('.workspace-switcher select').selectOption(s.workspaceId);
    await waitForKpis(page);
    assert.notEqual(await kpiValue(page, 'messages'), 3);
  });

  it('auto-refresh picks up newly ingested messages without a reload', { timeout: 60_000 }, async () => {
    await waitForKpis(page);
    const before = Number(await kpiValue(page, 'messages'));
    await page.getByLabel('Auto-refresh').check();
    await page.getByLabel('Refresh interval').selectOption('15');
    const at = new Date(Date.now() - 60_000).toISOString();
    await s.ctx.ingest.ingest(s.workspaceId, {
      messages: [1, 2].map((i) => ({
        id: `fresh-${i}`,
        conversation_id: 'fresh-c',
        role: 'user' as const,
        created_at: at,
      })),
    });
    await kpiBecomes(page, before + 2, 40_000);
    await page.getByLabel('Auto-refresh').uncheck();
  });
});
