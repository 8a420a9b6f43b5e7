// Browser tests of what the dashboard says next to its numbers: every cost shows how many messages no price
// covers (demo fine-tunes are unpriced) with a link to the price book, and the judgment examples follow the
// dashboard's filters and custom date range like every other widget.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { catalogPrices } from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { dashboardRequests } from '../../../web/src/widgets/dashboardRequests.ts';
import { KPI_ROW } from '../../../web/src/widgets/kpis.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER, startDashboardServer } from './dashboardFixture.ts';
import { apiFromPage, signIn, waitForCharts, waitForKpis } from './pageHelpers.ts';

interface Reply {
  rows: Record<string, number | string | null>[];
  meta: { unpriced_messages?: number; window?: { from: string; to: string } };
}

const fmt = (n: number) => new Intl.NumberFormat('en-US').format(n);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The request serving `widget` in a dashboard load (30 days, comparison on, no filters). */
const widgetQuery = (widget: string) =>
  dashboardRequests({ dateRange: '30d', filter: undefined, compare: true }).find((d) =>
    d.widgets.includes(widget),
  )!.query;

/** The unpriced notes on the page: where each sits (KPI or chart id) and its text. */
function notes(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="unpriced-note"]', (els) =>
    Object.fromEntries(
      els.map((el) => [
        el.closest('[data-testid]:not([data-testid="unpriced-note"])')?.getAttribute('data-testid') ?? '?',
        el.textContent?.replace(/^⚠\s*/, '') ?? '',
      ]),
    ),
  );
}

/** The judgments table's failure-tag options as [tag, total], once it has settled. */
async function shownTags(page: Page): Promise<[string, number][]> {
  await waitForCharts(page, ['judgments-table']);
  const options = await page.$$eval('[data-testid="chart-judgments-table"] select option', (els) =>
    els.map((o) => o.textContent ?? ''),
  );
  return options.map((t) => {
    const m = /^(.*) \((\d+)\)$/.exec(t)!;
    return [m[1], Number(m[2])];
  });
}

/** Failure-tag totals from the analytics query (the breakdown's numbers), most frequent first. */
async function tagCounts(page: Page, q: Record<string, unknown>): Promise<[string, number][]> {
  const r = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', {
    metrics: ['evaluations'],
    dimensions: ['failure_tag'],
    ...q,
  });
  return r.rows
    .filter((row) => row.failure_tag !== null && Number(row.evaluations) > 0)
    .map((row): [string, number] => [String(row.failure_tag), Number(row.evaluations)])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Each model-table row's model and the count its cost cells' markers give (0 without a marker). */
function rowMarks(page: Page): Promise<Record<string, number[]>> {
  return page.$$eval('[data-testid="chart-model-performance"] tbody tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        tr.querySelector('td')?.textContent ?? '?',
        Array.from(tr.querySelectorAll('td')).map((td) => {
          const mark = td.querySelector('[data-testid="unpriced-row-mark"]');
          return mark ? Number(mark.getAttribute('data-count')) : 0;
        }),
      ]),
    ),
  );
}

const noPrice = (n: number) => `${fmt(n)} ${n === 1 ? 'message has' : 'messages have'} no price`;

const byTotal = (tags: [string, number][]) =>
  [...tags].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

describe('cost markers and judgment filters in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const judgmentUrls: string[] = [];

  before(async () => {
    s = await startDashboardServer();
    browser = await launchBrowser();
    await s.ctx.accounts.setup(OWNER);
    page = await browser.context.newPage();
    page.on('request', (r) => {
      if (r.url().includes('/api/analytics/judgment-examples')) judgmentUrls.push(r.url());
    });
    await signIn(page, s.url, OWNER);
    await waitForCharts(page);
    await waitForKpis(page);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('every cost shows its exact count of unpriced messages, and only costs do', async () => {
    const expected: Record<string, number> = {};
    // A table counts the rows it shows (its per-row markers add up to its note); it drops the rows without a
    // model or session, whose messages meta.unpriced_messages also counts.
    for (const [where, widget, shownBy] of [
      ['kpi-cost', KPI_ROW],
      ['chart-model-performance', 'model-performance', 'model'],
      ['chart-session-comparison', 'session-comparison', 'session'],
      ['chart-cost-tracking', 'cost-tracking'],
    ]) {
      const r = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', widgetQuery(widget));
      expected[where] = shownBy
        ? r.rows
            .filter((row) => row[shownBy] !== null)
            .reduce((n, row) => n + Number(row.unpriced_messages), 0)
        : (r.meta.unpriced_messages ?? 0);
    }
    assert.ok(
      expected['chart-model-performance'] > 0 && expected['chart-model-performance'] < expected['kpi-cost'],
      'the model table leaves out user messages (no model), which the KPI counts',
    );
    assert.ok(expected['kpi-cost'] > 0, 'the demo fine-tunes have no price');
    // Independently: the messages (all with tokens in the demo) of the groups the API prices at exactly 0:
    // the fine-tunes, and user messages, which carry input tokens but no model.
    const perModel = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', {
      metrics: ['messages', 'cost', 'total_tokens'],
      dimensions: ['model'],
      date_range: '30d',
    });
    const free = perModel.rows.filter((r) => r.cost === 0 && Number(r.total_tokens) > 0);
    assert.ok(
      free.some((r) => String(r.model).includes('sft')),
      'an SFT fine-tune is unpriced',
    );
    assert.equal(
      expected['kpi-cost'],
      free.reduce((n, r) => n + Number(r.messages), 0),
    );
    const want = Object.fromEntries(
      Object.entries(expected).map(([k, n]) => [k, `${fmt(n)} messages have no price: set one in Settings`]),
    );
    assert.deepEqual(await notes(page), want);
    // The table marks its cost columns (Cost, Cost / msg), pointing to the note.
    const marked = await page.$$eval('[data-testid="chart-model-performance"] th', (ths) =>
      ths
        .filter((th) => th.querySelector('.unpriced-mark'))
        .map((th) => th.textContent?.replace(/[⚠▲▼\s]+$/g, '')),
    );
    assert.deepEqual(marked, ['Cost', 'Cost / msg']);
    await page.screenshot({ path: artifactPath('unpriced-markers.png'), fullPage: true });
    await page.locator('[data-testid="kpis"]').screenshot({ path: artifactPath('unpriced-kpis.png') });
    await page
      .locator('[data-testid="chart-model-performance"]')
      .screenshot({ path: artifactPath('unpriced-model-table.png') });
  });

  it('a table row whose cost leaves messages unpriced says so, with its own count; priced rows do not', async () => {
    const r = await apiFromPage<Reply>(
      page,
      'POST',
      '/api/analytics/query',
      widgetQuery('model-performance'),
    );
    const api = new Map(r.rows.map((row) => [String(row.model), Number(row.unpriced_messages)]));
    // Independently, from the store: messages carrying tokens per model in the reply's window, unpriced when
    // the catalog lacks the model (the test's price book has no default and no overrides yet).
    const sqlTime = (iso: string) => iso.replace('T', ' ').replace('Z', '');
    const counts = await s.ctx.store.query(
      `SELECT model_id, provider, count(*) AS n FROM messages WHERE workspace_id = $1 AND model_id IS NOT NULL
         AND (input_tokens > 0 OR output_tokens > 0)
         AND created_at >= CAST($2 AS TIMESTAMP) AND created_at < CAST($3 AS TIMESTAMP)
       GROUP BY model_id, provider`,
      [s.workspaceId, sqlTime(r.meta.window!.from), sqlTime(r.meta.window!.to)],
    );
    const recount = new Map<string, number>();
    for (const c of counts as { model_id: string; provider: string | null; n: number | bigint }[]) {
      const [{ price }] = catalogPrices([{ provider: c.provider, model_id: c.model_id }]);
      recount.set(c.model_id, (recount.get(c.model_id) ?? 0) + (price ? 0 : Number(c.n)));
    }
    const marks = await rowMarks(page);
    const costCells = (await page.$$eval('[data-testid="chart-model-performance"] thead th', (ths) =>
      ths.map((th) => th.textContent?.startsWith('Cost') ?? false),
    )) as boolean[];
    assert.ok(Object.keys(marks).length > 0);
    for (const [model, cells] of Object.entries(marks)) {
      const n = api.get(model) ?? -1;
      assert.equal(n, recount.get(model) ?? 0, `${model}: API against the store`);
      assert.deepEqual(
        cells,
        costCells.map((cost) => (cost ? n : 0)),
        `${model}: a marker on each cost cell exactly when unpriced`,
      );
    }
    const dpo = Object.keys(marks).find((m) => m.includes('dpo'));
    assert.ok(dpo && marks[dpo].some((n) => n > 0), 'a DPO fine-tune row is marked');
    assert.ok(
      marks['gpt-4o']?.every((n) => n === 0),
      'gpt-4o is priced: no marker',
    );
    const label = await page
      .locator('[data-testid="chart-model-performance"] tbody tr', { hasText: dpo })
      .locator('[data-testid="unpriced-row-mark"]')
      .first()
      .getAttribute('aria-label');
    assert.equal(label, noPrice(api.get(dpo)!));
  });

  it('sorting by cost still sorts by the number, markers and all', async () => {
    const header = page.locator('[data-testid="chart-model-performance"] thead th button', {
      hasText: /^Cost(?! \/)/,
    });
    await header.click();
    const costs = await page.$$eval('[data-testid="chart-model-performance"] tbody tr', (trs) => {
      const ths = Array.from(document.querySelectorAll('[data-testid="chart-model-performance"] thead th'));
      const i = ths.findIndex((th) => /^Cost(?! \/)/.test(th.textContent ?? ''));
      return trs.map((tr) => tr.querySelectorAll('td')[i].textContent ?? '');
    });
    const values = costs.map((c) => Number(c.replace(/[$,\s⚠]/g, '')));
    assert.ok(values.every(Number.isFinite), costs.join(', '));
    assert.deepEqual(
      values,
      [...values].sort((a, b) => b - a),
      costs.join(', '),
    );
    await page
      .locator('[data-testid="chart-model-performance"]')
      .screenshot({ path: artifactPath('unpriced-row-marks.png') });
    await page
      .locator('[data-testid="chart-model-performance"] thead th button', { hasText: 'Messages' })
      .click();
  });

  it('the marker links to the price book in Settings, opening the panel', async () => {
    assert.equal(await page.getAttribute('[data-testid="settings-panel"]', 'data-collapsed'), 'true');
    await page.locator('[data-testid="kpi-cost"] [data-testid="unpriced-note"] a').click();
    await page.locator('[data-testid="settings-panel"][data-collapsed="false"]').waitFor();
    assert.equal(await page.evaluate(() => window.location.hash), '#settings');
    await page.locator('fieldset', { hasText: 'Model overrides' }).waitFor();
    await page.waitForFunction(() => {
      const r = document.getElementById('settings')?.getBoundingClientRect();
      return r !== undefined && r.top >= -1 && r.top < window.innerHeight;
    });
  });

  it('no marker once every message has a price', async () => {
    await page.getByRole('button', { name: 'Set a default price' }).click();
    await page.locator('input[name="default.input_per_1k"]').fill('0.5');
    await page.locator('input[name="default.output_per_1k"]').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="unpriced-note"]'));
    await waitForCharts(page);
    const r = await apiFromPage<Reply>(page, 'POST', '/api/analytics/query', widgetQuery(KPI_ROW));
    assert.equal(r.meta.unpriced_messages, 0);
    assert.deepEqual(await notes(page), {});
    assert.equal(await page.locator('.unpriced-mark').count(), 0);
    const marks = await rowMarks(page);
    assert.ok(Object.keys(marks).length > 0);
    assert.ok(
      Object.values(marks).every((cells) => cells.every((n) => n === 0)),
      JSON.stringify(marks),
    );
  });

  it('judgment examples follow the filters', async () => {
    const unfiltered = await shownTags(page);
    assert.deepEqual(unfiltered, byTotal(await tagCounts(page, { date_range: '30d' })));
    await page.getByRole('button', { name: /^.?Filters/ }).click();
    await page.locator('[data-filter="training_method"] input[value="sft"]').check();
    const filters = ['in', 'training_method', ['sft']];
    const want = byTotal(await tagCounts(page, { date_range: '30d', filters }));
    assert.ok(want.length > 0 && want[0][1] < unfiltered[0][1], 'the filter narrows the tags');
    await page.waitForFunction((w) => {
      const first = document.querySelector('[data-testid="chart-judgments-table"] select option');
      return first?.textContent === w;
    }, `${want[0][0]} (${want[0][1]})`);
    assert.deepEqual(await shownTags(page), want);
    const models = await page.$$eval(
      '[data-testid="chart-judgments-table"] tbody tr td:nth-child(2)',
      (tds) => tds.map((td) => td.textContent ?? ''),
    );
    assert.ok(models.length > 0 && models.every((m) => m.endsWith('-sft')), models.join(', '));
    const url = new URL(judgmentUrls.at(-1)!);
    assert.deepEqual(JSON.parse(url.searchParams.get('filters') ?? 'null'), filters);
    await page.locator('[data-filter="training_method"] input[value="sft"]').uncheck();
    await page.getByRole('button', { name: /^.?Filters/ }).click();
  });

  it('judgment examples follow a custom date range', async () => {
    const [from, to] = [day(-20), day(-10)];
    const range = { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` };
    const want = byTotal(await tagCounts(page, { date_range: range }));
    const month = byTotal(await tagCounts(page, { date_range: '30d' }));
    assert.ok(want.length > 0 && want[0][1] < month[0][1], 'the custom window narrows the tags');
    await page.locator('button[data-range="custom"]').click();
    const inputs = page.locator('.custom-range');
    await inputs.getByLabel('From').fill(from);
    await inputs.getByLabel('To', { exact: true }).fill(to);
    await page.waitForFunction(
      (w) => document.querySelector('[data-testid="chart-judgments-table"] select option')?.textContent === w,
      `${want[0][0]} (${want[0][1]})`,
    );
    assert.deepEqual(await shownTags(page), want);
    const times = await page.$$eval('[data-testid="chart-judgments-table"] tbody tr', (trs) => trs.length);
    assert.ok(times > 0);
    const url = new URL(judgmentUrls.at(-1)!);
    assert.deepEqual([url.searchParams.get('from'), url.searchParams.get('to')], [range.from, range.to]);
    assert.equal(url.searchParams.get('date_range'), null);
    await page.screenshot({ path: artifactPath('judgments-custom-range.png'), fullPage: true });
    await page.locator('button[data-range="30d"]').click();
  });
});
