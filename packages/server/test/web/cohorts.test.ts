// Browser tests of the Cohorts page against the real server, its job runner and the demo data: the live count
// while editing equals the preview API, a created cohort is computed and listed with its size, the retention
// matrix shows the API's shares, and the dashboard's cohort filter moves the KPIs to the filtered query's values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cohort, CohortList, CohortPreview, CohortRetention } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import { apiFromPage, KPI_METRICS, kpiValue, signIn, waitForKpis } from './pageHelpers.ts';

const NAME = 'Heavy users';
const liveCount = async (page: Page) => page.getByTestId('cohort-live-count');

async function stored(page: Page, name: string): Promise<Cohort> {
  const c = (await apiFromPage<CohortList>(page, 'GET', '/api/analytics/cohorts')).cohorts.find(
    (x) => x.name === name,
  );
  assert.ok(c, `${name} is stored`);
  return c;
}

describe('cohorts page in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    s = await startDashboardServer(4000);
    await s.ctx.accounts.setup(OWNER);
    // Memberships are computed by `cohort_membership` jobs, as in `serve`.
    await s.ctx.jobRunner.start();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('creates a cohort with a live count of matching users, then lists it computed', {
    timeout: 60_000,
  }, async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Cohorts' }).click();
    assert.equal(new URL(page.url()).pathname, '/cohorts');
    await page.getByText('No cohorts yet').waitFor();
    await page.getByRole('button', { name: 'New cohort' }).click();
    await page.getByLabel('Name').fill(NAME);
    // The default condition: at least 5 conversations in the last 30 days.
    const count = await liveCount(page);
    const expectCount = async (min: number) => {
      const preview = await apiFromPage<CohortPreview>(page, 'POST', '/api/analytics/cohorts/preview', {
        definition: {
          type: 'dynamic',
          match: 'all',
          conditions: [{ kind: 'activity', metric: 'conversations', min, date_range: '30d' }],
        },
      });
      await page.waitForFunction(
        (n) => {
          const t = document.querySelector('[data-testid="cohort-live-count"]')?.textContent ?? '';
          return t.startsWith(`${n.toLocaleString('en-US')} matching users`) && !t.endsWith('…');
        },
        preview.users,
        { timeout: 10_000 },
      );
      return preview.users;
    };
    const at5 = await expectCount(5);
    await page.getByLabel('At least').fill('8');
    const at8 = await expectCount(8);
    assert.ok(at8 < at5 && at8 > 0, `a stricter condition matches fewer users (${at5} → ${at8})`);
    assert.match((await count.textContent()) ?? '', /matching users/);
    await page.getByRole('button', { name: 'Create cohort' }).click();
    const row = page.locator(`tr[data-cohort="${NAME}"][data-status="ready"]`);
    await row.waitFor({ timeout: 20_000 });
    const c = await stored(page, NAME);
    assert.equal(c.size, at8);
    assert.match((await row.textContent()) ?? '', new RegExp(at8.toLocaleString('en-US')));
    await page.getByTestId('cohort-metrics').locator('[data-state="ready"], tbody').first().waitFor();
    await page.screenshot({ path: artifactPath('cohorts-page.png'), fullPage: true });
  });

  it('shows the retention matrix of a cohort as the API computes it', { timeout: 60_000 }, async () => {
    // Widget users: every demo week brings new ones, so the matrix has rows.
    const created = await apiFromPage<Cohort>(page, 'POST', '/api/analytics/cohorts', {
      name: 'Widget users',
      definition: { type: 'dynamic', conditions: [{ kind: 'used', dimension: 'widget', values: [true] }] },
    });
    // Made through the API: the page learns of it when it loads again.
    await page.reload();
    await page.locator('tr[data-cohort="Widget users"][data-status="ready"]').waitFor({ timeout: 20_000 });
    const matrix = page.getByTestId('retention-matrix');
    await matrix.getByLabel('Cohort').selectOption(created.id);
    await page.locator('[data-testid="retention-matrix"][data-state="ready"]').waitFor({ timeout: 20_000 });
    const api = await apiFromPage<CohortRetention>(
      page,
      'GET',
      `/api/analytics/cohorts/${created.id}/retention?period=week&periods=8`,
    );
    assert.ok(api.rows.length >= 2, 'several first-seen weeks');
    const shown = await page.$$eval('[data-testid="retention-matrix"] tbody tr', (trs) =>
      trs.map((tr) => ({
        users: Number(tr.querySelector('td')?.textContent),
        cells: Array.from(tr.querySelectorAll('td[title]')).map((td) => td.textContent),
      })),
    );
    assert.deepEqual(
      shown,
      api.rows.map((r) => ({ users: r.users, cells: r.shares.map((x) => `${(x * 100).toFixed(0)}%`) })),
    );
    assert.equal(shown[0].cells[0], '100%');
  });

  it('filters the whole dashboard by the cohort', { timeout: 60_000 }, async () => {
    const c = await stored(page, NAME);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Dashboard' }).click();
    await waitForKpis(page);
    const before = await kpiValue(page, 'messages');
    await page.getByRole('button', { name: /^.?Filters/ }).click();
    await page.locator(`[data-filter="cohort"] input[value="${c.id}"]`).check();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="kpi-messages"]')?.getAttribute('data-value') !== String(b),
      before,
    );
    await waitForKpis(page);
    const reply = await apiFromPage<{ rows: Record<string, number | null>[] }>(
      page,
      'POST',
      '/api/analytics/query',
      {
        metrics: KPI_METRICS,
        date_range: '30d',
        filters: ['in', 'cohort', [c.id]],
        compare: 'previous_period',
      },
    );
    for (const m of ['messages', 'avg_rating', 'success_rate', 'latency_p95'])
      assert.equal(await kpiValue(page, m), reply.rows[0][m], `KPI ${m}`);
    assert.ok(Number(reply.rows[0].messages) < Number(before), 'the cohort holds part of the traffic');
    await page.screenshot({ path: artifactPath('dashboard-cohort-filter.png') });
  });

  it('counts an uploaded list of user ids, with the ids not in the data', { timeout: 30_000 }, async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('button', { name: 'New cohort' }).click();
    await page.getByLabel('Members').selectOption('static');
    await page.getByLabel('Or upload a file of ids').setInputFiles({
      name: 'ids.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('user_1\nuser_2\nghost-9\n'),
    });
    const preview = await apiFromPage<CohortPreview>(page, 'POST', '/api/analytics/cohorts/preview', {
      definition: { type: 'static', user_ids: ['user_1', 'user_2', 'ghost-9'] },
    });
    assert.deepEqual(preview, { users: 2, unmatched: 1 });
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="cohort-live-count"]')?.textContent ?? '').startsWith(
        '2 matching users (1 ids not in the data)',
      ),
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('edits a cohort (recomputed) and deletes one', { timeout: 60_000 }, async () => {
    const row = page.locator(`tr[data-cohort="${NAME}"]`);
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('At least').fill('12');
    const preview = await apiFromPage<CohortPreview>(page, 'POST', '/api/analytics/cohorts/preview', {
      definition: {
        type: 'dynamic',
        match: 'all',
        conditions: [{ kind: 'activity', metric: 'conversations', min: 12, date_range: '30d' }],
      },
    });
    await page.waitForFunction(
      (n) =>
        (document.querySelector('[data-testid="cohort-live-count"]')?.textContent ?? '').startsWith(
          `${n.toLocaleString('en-US')} matching users`,
        ),
      preview.users,
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForFunction(
      (n) => {
        const r = document.querySelector('tr[data-cohort="Heavy users"]');
        return r?.getAttribute('data-status') === 'ready' && r.querySelectorAll('td')[0]?.textContent === n;
      },
      preview.users.toLocaleString('en-US'),
      { timeout: 20_000 },
    );
    assert.equal((await stored(page, NAME)).size, preview.users);

    await page.locator('tr[data-cohort="Widget users"]').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete cohort' }).click();
    await page.locator('tr[data-cohort="Widget users"]').waitFor({ state: 'detached' });
    const left = (await apiFromPage<CohortList>(page, 'GET', '/api/analytics/cohorts')).cohorts.map(
      (c) => c.name,
    );
    assert.deepEqual(left, [NAME]);
  });
});
