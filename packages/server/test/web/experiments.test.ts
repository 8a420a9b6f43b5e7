// Browser tests of the Experiments page against the real server and the demo's A/B sessions: the one-click
// suggestion, the list's traffic and verdicts, the results view (comparisons, forest plot, notes, mode switch,
// time series), the A/B sessions table's verdicts, editing with a field error from the API, concluding, deleting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Experiment, ExperimentList, ExperimentResults } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { DEMO_SESSIONS } from '../../src/demo/demoExperiments.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer, VIEWER } from './dashboardFixture.ts';
import { apiFromPage, signIn, waitForCharts } from './pageHelpers.ts';

const NAME = 'Support fine-tune: SFT vs DPO';
const FRONTIER = 'Frontier: GPT-4o vs Claude 3.5 Sonnet';
const DEMO_NAMES = [...new Set(DEMO_SESSIONS.map((s) => s.experiment_name))].sort();
const SESSIONS = DEMO_SESSIONS.filter((s) => s.experiment_name === NAME).map((s) => s.session_id);

interface Rows {
  rows: Record<string, string | number | null>[];
}

const listed = async (page: Page) =>
  (await apiFromPage<ExperimentList>(page, 'GET', '/api/analytics/experiments')).experiments;

/** The one stored experiment named `name`. */
async function stored(page: Page, name: string): Promise<Experiment> {
  const e = (await listed(page)).find((x) => x.name === name);
  assert.ok(e, `${name} is stored`);
  return e;
}

/** Each comparison row's verdict on the results page, by "variant|metric". */
const shownVerdicts = (page: Page) =>
  page.$$eval('[data-testid="comparison-table"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        `${r.getAttribute('data-variant')}|${r.getAttribute('data-metric')}`,
        r.querySelector('[data-verdict]')?.getAttribute('data-verdict'),
      ]),
    ),
  );

const verdictsOf = (r: ExperimentResults) =>
  Object.fromEntries(r.comparisons.map((c) => [`${c.variant}|${c.metric}`, c.verdict]));

describe('experiments page in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let id = '';

  before(async () => {
    s = await startDashboardServer();
    await s.ctx.accounts.setup(OWNER);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('offers the demo sessions as drafts and creates one with one click', { timeout: 30_000 }, async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Experiments' }).click();
    assert.equal(new URL(page.url()).pathname, '/experiments');
    await page.getByRole('heading', { name: 'Suggested from your data' }).waitFor();
    await page.getByText('No experiments yet').waitFor();
    const offered = await page.$$eval('[data-testid="suggestions"] li', (li) =>
      li.map((l) => l.dataset.name),
    );
    assert.deepEqual(offered, DEMO_NAMES);
    await page.getByRole('button', { name: `Create ${NAME}` }).click();
    const row = page.locator(`tr[data-name="${NAME}"]`);
    await row.waitFor();
    await page.locator(`[data-testid="suggestions"] li[data-name="${NAME}"]`).waitFor({ state: 'detached' });
    const e = await stored(page, NAME);
    id = e.id;
    assert.deepEqual(e.variants.flatMap((v) => v.session_ids).sort(), [...SESSIONS].sort());
    // The traffic shown is each session's conversations, counted independently by the query API.
    const perSession = await apiFromPage<Rows>(page, 'POST', '/api/analytics/query', {
      metrics: ['conversations'],
      dimensions: ['session'],
      date_range: 'all',
      filters: ['in', 'session', SESSIONS],
    });
    await row.locator('[data-testid="primary-verdicts"] [data-verdict]').first().waitFor();
    const traffic = await row.locator('[data-testid="traffic"]').allTextContents();
    for (const v of e.variants) {
      const n = Number(perSession.rows.find((r) => r.session === v.session_ids?.[0])?.conversations);
      assert.ok(n > 30, `${v.name} has traffic`);
      assert.ok(
        traffic.some((t) => t.includes(`${n.toLocaleString('en-US')} conversations`)),
        `${v.name}: ${n}`,
      );
    }
    await page.screenshot({ path: artifactPath('experiments-list.png'), fullPage: true });
  });

  it('shows the verdicts, forest plot, notes and series, and switches sequential / fixed', {
    timeout: 30_000,
  }, async () => {
    await page.locator(`tr[data-name="${NAME}"] a`).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.locator('[data-testid="comparison-table"] tbody tr').first().waitFor();
    const api = await apiFromPage<ExperimentResults>(page, 'GET', `/api/analytics/experiments/${id}/results`);
    assert.equal(api.mode, 'sequential');
    assert.deepEqual(await shownVerdicts(page), verdictsOf(api));
    assert.ok(api.comparisons.length >= 4, 'primary and secondary metrics compared');
    // One forest panel per metric, one interval per variant against the control.
    const panels = await page.$$eval('[data-testid="forest-plot"] figure', (f) =>
      f.map((x) => [x.getAttribute('data-metric'), x.querySelectorAll('.forest-row').length]),
    );
    const metrics = [...new Set(api.comparisons.map((c) => c.metric))];
    assert.deepEqual(
      panels,
      metrics.map((m) => [m, api.comparisons.filter((c) => c.metric === m).length]),
    );
    assert.match((await page.getByTestId('srm-note').textContent()) ?? '', /Traffic split matches the plan/);
    assert.match((await page.getByTestId('power-note').textContent()) ?? '', /minimum effect/);
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="variant-series"] canvas') as HTMLCanvasElement | null;
      return c !== null && c.width > 0;
    });
    const fixedReply = page.waitForResponse((r) => r.url().includes(`/${id}/results?mode=fixed`));
    await page.getByLabel('Fixed horizon').check();
    await fixedReply;
    await page
      .getByTestId('mode-explanation')
      .getByText(/valid only if you look once/)
      .waitFor();
    const fixed = await apiFromPage<ExperimentResults>(
      page,
      'GET',
      `/api/analytics/experiments/${id}/results?mode=fixed`,
    );
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    assert.deepEqual(await shownVerdicts(page), verdictsOf(fixed));
    await page.screenshot({ path: artifactPath('experiment-results.png'), fullPage: true });
  });

  it("shows each session's verdict against its control in the dashboard's A/B sessions table", {
    timeout: 30_000,
  }, async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Dashboard' }).click();
    await waitForCharts(page, ['session-comparison']);
    const table = page.getByTestId('chart-session-comparison');
    const e = await stored(page, NAME);
    const r = await apiFromPage<ExperimentResults>(page, 'GET', `/api/analytics/experiments/${id}/results`);
    const treatment = e.variants.find((v) => v.name !== e.control)!;
    const c = r.comparisons.find((x) => x.variant === treatment.name && x.metric === e.primary_metric)!;
    const row = table.locator('tbody tr', { hasText: treatment.session_ids![0] });
    await row.locator(`[data-verdict="${c.verdict}"]`).waitFor();
    const control = table.locator('tbody tr', {
      hasText: e.variants.find((v) => v.name === e.control)!.session_ids![0],
    });
    assert.match((await control.locator('[data-col="vs-control"]').textContent()) ?? '', /^control/);
    const other = table.locator('tbody tr', { hasText: 'ab-rlhf-control' });
    assert.equal(((await other.locator('[data-col="vs-control"]').textContent()) ?? '').trim(), '—');
  });

  it('edits the experiment; a field the API refuses is marked at that field', {
    timeout: 30_000,
  }, async () => {
    await page.goto(`${s.url}/experiments/${id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit “${NAME}”` });
    await dialog.getByLabel('Name', { exact: true }).fill('   ');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const name = dialog.getByLabel('Name', { exact: true });
    await page.waitForFunction(() =>
      document.querySelector('dialog [aria-invalid="true"][aria-describedby]'),
    );
    const err = dialog.locator(`[id="${await name.getAttribute('aria-describedby')}"]`);
    assert.match((await err.textContent()) ?? '', /\S/);
    assert.equal(
      await name.evaluate((el) => el === document.activeElement),
      true,
      'focus moves to the field',
    );
    await page.screenshot({ path: artifactPath('experiment-edit-error.png') });
    assert.equal((await stored(page, NAME)).name, NAME, 'nothing changed');
    await dialog.getByLabel('Name', { exact: true }).fill('SFT vs DPO (support)');
    await dialog.getByLabel(/Minimum effect worth detecting \(points\)/).fill('5');
    await dialog.getByRole('checkbox', { name: 'Tool success rate' }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'SFT vs DPO (support)', level: 1 }).waitFor();
    const e = await stored(page, 'SFT vs DPO (support)');
    assert.equal(e.min_effect, 0.05);
    assert.ok(e.secondary_metrics.includes('tool_success_rate'));
    await page
      .locator('[data-testid="comparison-table"] tr[data-metric="tool_success_rate"]')
      .first()
      .waitFor();
    assert.match(
      (await page.getByTestId('power-note').textContent()) ?? '',
      /5\.0 pts in Success rate with 80% power/,
    );
  });

  it('concludes with a note, then deletes, and the sessions are offered again', {
    timeout: 30_000,
  }, async () => {
    await page.getByRole('button', { name: 'Conclude' }).click();
    const dialog = page.getByRole('dialog', { name: /^Conclude/ });
    await dialog.getByLabel('Conclusion').fill('DPO ships to all support traffic.');
    await dialog.getByRole('button', { name: 'Conclude' }).click();
    await page.getByTestId('conclusion').getByText('DPO ships to all support traffic.').waitFor();
    const e = await stored(page, 'SFT vs DPO (support)');
    assert.equal(e.status, 'concluded');
    assert.equal(e.conclusion, 'DPO ships to all support traffic.');
    assert.ok(e.status_changed_by, 'the API records who concluded it');
    await page.getByTestId('experiment-facts').getByText(`by ${e.status_changed_by}`).waitFor();
    await page.getByLabel('Fixed horizon').waitFor();
    assert.equal(
      await page.getByLabel('Fixed horizon').isChecked(),
      true,
      'a concluded experiment reads fixed',
    );
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete experiment' }).click();
    await page.waitForURL((u) => u.pathname === '/experiments');
    await page.getByText('No experiments yet').waitFor();
    assert.deepEqual(await listed(page), []);
    await page.locator(`[data-testid="suggestions"] li[data-name="${NAME}"]`).waitFor();
  });
  it('reviews a suggestion in the form: a split far from the plan is called broken, power says what is left', {
    timeout: 30_000,
  }, async () => {
    await page.getByRole('button', { name: `Review ${FRONTIER}` }).click();
    const dialog = page.getByRole('dialog', { name: 'New experiment' });
    assert.equal(await dialog.getByLabel('Name', { exact: true }).inputValue(), FRONTIER);
    const shares = dialog.getByLabel('Planned share (%)');
    await shares.nth(0).fill('90');
    await shares.nth(1).fill('10');
    await dialog.getByLabel(/Minimum effect worth detecting \(points\)/).fill('3');
    await dialog.getByRole('button', { name: 'Create experiment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const e = await stored(page, FRONTIER);
    assert.deepEqual(e.planned_split, [0.9, 0.1]);
    assert.equal(e.min_effect, 0.03);
    await page.locator(`tr[data-name="${FRONTIER}"] a`).click();
    await page.getByText('Traffic split looks broken').waitFor();
    const r = await apiFromPage<ExperimentResults>(page, 'GET', `/api/analytics/experiments/${e.id}/results`);
    assert.equal(r.srm.mismatch, true);
    const needed = r.power.needed_per_variant;
    assert.ok(needed !== null);
    const have = Math.min(...r.variants.map((v) => v.conversations));
    const note = (await page.getByTestId('power-note').textContent()) ?? '';
    if (needed > have) {
      assert.match(
        note,
        new RegExp(`About ${(needed - have).toLocaleString('en-US')} more conversations per variant`),
      );
    } else assert.match(note, /^Enough conversations/);
    assert.match(note, /3\.0 pts in Success rate/);
  });

  it('shows a viewer the experiments and results without any change controls', {
    timeout: 30_000,
  }, async () => {
    await apiFromPage(page, 'POST', `/api/workspaces/${s.workspaceId}/members`, {
      ...VIEWER,
      role: 'viewer',
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, s.url, VIEWER);
    await page.goto(`${s.url}/experiments`);
    await page.locator(`tr[data-name="${FRONTIER}"]`).waitFor();
    await page.locator('[data-testid="suggestions"]').waitFor();
    assert.equal(
      await page.getByRole('button', { name: /^(New experiment|Edit|Conclude|Delete|Create)/ }).count(),
      0,
    );
    await page.locator(`tr[data-name="${FRONTIER}"] a`).click();
    await page.locator('[data-testid="comparison-table"] tbody tr').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /^(Edit|Conclude|Delete)$/ }).count(), 0);
    // At phone width the page does not scroll sideways: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.screenshot({ path: artifactPath('experiment-results-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
