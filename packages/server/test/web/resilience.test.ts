// Browser tests of the dashboard's resilience and roles: one failing chart shows its own error while the
// rest render; sign-in; keys and members managed from the page; a viewer sees no settings controls.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestServer } from '../helpers/testServer.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer, VIEWER } from './dashboardFixture.ts';
import { ALL_CHARTS, chartStates, signIn, waitForCharts } from './pageHelpers.ts';

describe('dashboard resilience and roles in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;

  before(async () => {
    s = await startDashboardServer(3000);
    browser = await launchBrowser();
    await s.ctx.accounts.setup(OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a forced API error in one chart shows its error state while every other chart renders', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/analytics/query', async (route) => {
      const body = route.request().postDataJSON() as { dimensions?: string[] };
      if (body.dimensions?.includes('tool')) {
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal_error', message: 'forced failure for the test' } }),
        });
      } else {
        await route.continue();
      }
    });
    await signIn(page, s.url, OWNER);
    await waitForCharts(page);
    const states = await chartStates(page);
    // No scan has run on this server: the anomaly feed is empty.
    const expected = Object.fromEntries(
      ALL_CHARTS.map((id) => [id, id === 'anomaly-feed' ? 'empty' : 'ready']),
    );
    expected['tool-performance'] = 'error';
    assert.deepEqual(states, expected);
    const text = await page.textContent('[data-testid="chart-tool-performance"]');
    assert.match(text ?? '', /Could not load this chart.*forced failure for the test/);
    // Retry after the failure clears: the chart recovers on its own.
    await page.unroute('**/api/analytics/query');
    await page
      .locator('[data-testid="chart-tool-performance"]')
      .getByRole('button', { name: 'Retry' })
      .click();
    await page.locator('[data-testid="chart-tool-performance"] [data-state="ready"] canvas').waitFor();
    assert.equal((await chartStates(page, ['tool-performance']))['tool-performance'], 'ready');
    await page.close();
  });

  it('an owner manages keys and members; a viewer sees no settings controls', async () => {
    const admin = await browser.context.newPage();
    await admin.goto(s.url);
    await admin.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    assert.equal(await admin.locator('[data-testid="settings-panel"]').count(), 1);
    await admin.getByRole('button', { name: /Workspace administration/ }).click();
    const keys = admin.locator('[data-testid="api-keys"]');
    await keys.getByLabel('Name').fill('browser test key');
    await keys.getByRole('button', { name: 'Create key' }).click();
    const secret = (await keys.getByTestId('new-key').textContent()) ?? '';
    assert.ok(secret.length >= 32, `a key secret is shown once: ${secret}`);
    await keys.getByRole('cell', { name: 'browser test key' }).waitFor();
    const ingest = await fetch(`${s.url}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(ingest.status, 200, 'the new key ingests');
    const members = admin.locator('[data-testid="members"]');
    await members.getByLabel('Email').fill(VIEWER.email);
    await members.locator('form select').selectOption('viewer');
    await members.getByLabel('Password (new users)').fill(VIEWER.password);
    await members.getByRole('button', { name: 'Add member' }).click();
    await members.getByText(VIEWER.email).waitFor();
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await signIn(admin, s.url, VIEWER);
    assert.match((await admin.textContent('.topbar')) ?? '', /viewer/);
    await waitForCharts(admin);
    assert.equal(await admin.locator('[data-testid="settings-panel"]').count(), 0);
    assert.equal(
      await admin.locator('input[name="sla_threshold_ms"], button:has-text("Save settings")').count(),
      0,
    );
    assert.equal(await admin.getByRole('button', { name: /Settings/ }).count(), 0);
    // The session ends server-side (all sessions of the user revoked): the next refresh shows sign-in.
    await s.ctx.store.query('DELETE FROM sessions');
    await admin.locator('button[data-range="7d"]').click();
    await admin.getByRole('heading', { name: 'Sign in to LLM Analytics' }).waitFor();
    await admin.close();
  });
});
