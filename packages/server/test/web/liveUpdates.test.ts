// Browser tests of live updates: a dashboard whose KPI changes without a reload when data is ingested over HTTP
// (the stream, not polling: its badge says live and polling is a minute away), new evaluations re-running only
// the widgets that read evaluations, and two tabs sharing one stream (one connection on the server), the second
// taking over when the first closes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AnalyticsQuery, queryTables } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { dashboardRequests } from '../../../web/src/widgets/dashboardRequests.ts';
import { post } from '../helpers/post.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import { kpiValue, signIn, waitForKpis } from './pageHelpers.ts';

async function kpiBecomes(page: Page, want: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="kpi-messages"]')?.getAttribute('data-value') === String(w),
    want,
    { timeout },
  );
}

const liveBadge = (page: Page) => page.locator('[data-testid="live-status"][data-status="live"]').waitFor();

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after 20 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live updates in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let n = 0;
  const ingest = async (count: number) => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const messages = Array.from({ length: count }, () => ({
      id: `live-${++n}`,
      conversation_id: 'live-c',
      role: 'user' as const,
      created_at: at,
    }));
    const r = await post(`${s.url}/api/ingest`, s.adminKey, { messages });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };

  before(async () => {
    s = await startDashboardServer(2000);
    browser = await launchBrowser();
    await s.ctx.accounts.setup(OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a dashboard updates without a reload when data arrives', async () => {
    const page = await browser.context.newPage();
    try {
      await signIn(page, s.url, OWNER);
      await waitForKpis(page);
      await liveBadge(page);
      const before = Number(await kpiValue(page, 'messages'));
      await ingest(3);
      await kpiBecomes(page, before + 3);
    } finally {
      await page.close();
    }
  });

  it('new evaluations re-run only the widgets that read evaluations', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(s.url);
      await waitForKpis(page);
      await liveBadge(page);
      const before = await kpiValue(page, 'avg_rating');
      const sent: AnalyticsQuery[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/analytics/query'))
          sent.push(JSON.parse(r.postData()!));
      });
      const evaluations = Array.from({ length: 200 }, (_, i) => ({
        id: `live-ev-${i}`,
        message_id: 'live-1',
        rating: 5,
        success: true,
      }));
      const r = await post(`${s.url}/api/ingest`, s.adminKey, { evaluations });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      await page.waitForFunction(
        (b) =>
          document.querySelector('[data-testid="kpi-avg_rating"]')?.getAttribute('data-value') !== String(b),
        before,
        { timeout: 30_000 },
      );
      assert.ok(sent.length > 0);
      // The filter panel's value lists (all time, 200 values) re-run on any commit; every other request reads
      // evaluations, while the page also shows widgets that do not.
      const widgets = sent.filter((q) => !(q.date_range === 'all' && q.limit === 200));
      for (const q of widgets) assert.ok(queryTables(q).includes('evaluations'), JSON.stringify(q));
      const all = dashboardRequests({ dateRange: '30d', filter: undefined, compare: true });
      assert.ok(all.some((x) => !queryTables(x.query).includes('evaluations')));
    } finally {
      await page.close();
    }
  });

  it('two tabs share one stream; the other tab takes it over when the first closes', async () => {
    await until(() => s.ctx.eventStreams.connections === 0, 'rid of the earlier tab');
    const first = await browser.context.newPage();
    await first.goto(s.url);
    await waitForKpis(first);
    await liveBadge(first);
    const second = await browser.context.newPage();
    await second.goto(s.url);
    await waitForKpis(second);
    // The second tab is live through the first one's relay, on the first one's connection.
    await liveBadge(second);
    assert.equal(s.ctx.eventStreams.connections, 1);

    const before = Number(await kpiValue(first, 'messages'));
    await ingest(2);
    await kpiBecomes(first, before + 2);
    await kpiBecomes(second, before + 2);
    assert.equal(s.ctx.eventStreams.connections, 1);

    await first.close();
    await until(() => s.ctx.eventStreams.connections === 1, 'reconnected by the second tab');
    await ingest(1);
    await kpiBecomes(second, before + 3);
    await second.close();
  });
});
