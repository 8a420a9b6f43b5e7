// Browser tests of the trace viewer: the trace list (filters in the URL, cursor paging), a trace's waterfall
// (nesting, order, orphans, errors, span detail), a conversation's thread, deep links that survive a reload,
// and the links into them from the judgment examples and the model table. Data through the real ingest
// endpoints (POST /v1/traces, POST /api/ingest), read through the real API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ConversationReply,
  catalogPrices,
  type TraceDetailReply,
  type TraceListReply,
} from '@llm-analytics/core';
import type { Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/web/ensureWebBuild.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { artifactPath, launchBrowser, type TestBrowser } from './browser.ts';
import { OWNER } from './dashboardFixture.ts';
import { apiFromPage, signIn, waitForCharts } from './pageHelpers.ts';
import {
  ASSISTANT_MESSAGE,
  BIG_SPANS,
  CHECKOUT_TREE,
  CONVERSATION,
  conversationBatch,
  ERROR_SPAN,
  FILLER_TRACES,
  fillerTrace,
  INPUT_MESSAGES,
  LLM_SPAN,
  TRACE_BIG,
  TRACE_CHECKOUT,
  TRACE_PAYMENT,
} from './tracesFixture.ts';
import { listedTraces, seedViewerData, waterfallRows } from './tracesPageHelpers.ts';

describe('trace viewer in Chromium', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const now = Date.now();

  before(async () => {
    ensureWebBuild(() => {});
    s = await startTestServer();
    await s.ctx.accounts.setup(OWNER);
    await seedViewerData(s.url, await s.createKey('ingest'), now);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, s.url, OWNER);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('lists the traces newest first, pages by cursor, and highlights the ones with errors', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Traces' }).click();
    assert.equal(new URL(page.url()).pathname, '/traces');
    const first = await listedTraces(page);
    // The two recent traces, then the batch traces by start, newest first; 50 to a page.
    const all = [
      TRACE_PAYMENT,
      TRACE_CHECKOUT,
      ...Array.from({ length: FILLER_TRACES }, (_, i) => fillerTrace(i)),
      TRACE_BIG,
    ];
    assert.deepEqual(first, all.slice(0, 50));
    const row = page.locator(`tr[data-trace-id="${TRACE_CHECKOUT}"]`);
    assert.equal(await row.locator('td').nth(1).textContent(), 'POST /checkout');
    assert.equal(await row.locator('td').nth(2).textContent(), 'checkout-api');
    assert.equal(await row.locator('td').nth(5).textContent(), String(CHECKOUT_TREE.length));
    assert.match((await row.locator('td').nth(8).textContent()) ?? '', /^error \(1\)$/);
    const errors = await page.$$eval('.trace-table tbody tr.error', (trs) =>
      trs.map((tr) => tr.getAttribute('data-trace-id')),
    );
    assert.deepEqual(errors, [TRACE_PAYMENT, TRACE_CHECKOUT]);
    await page.screenshot({ path: artifactPath('traces-list.png') });
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.trace-table tbody tr').length === n,
      all.length,
    );
    assert.deepEqual(await listedTraces(page), all);
    assert.equal(
      await page.getByRole('button', { name: 'Load more' }).count(),
      0,
      'the last page has no cursor',
    );
  });

  it('filters by status and service into the URL, and a reload keeps them', async () => {
    await page.getByLabel('Status').selectOption('error');
    await page.waitForURL((u) => u.searchParams.get('status') === 'error');
    assert.deepEqual(await listedTraces(page), [TRACE_PAYMENT, TRACE_CHECKOUT]);
    await page.getByLabel('Service').fill('checkout-api');
    await page.getByLabel('Service').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('service') === 'checkout-api');
    assert.deepEqual(await listedTraces(page), [TRACE_CHECKOUT]);
    await page.reload();
    assert.deepEqual(await listedTraces(page), [TRACE_CHECKOUT]);
    assert.equal(await page.getByLabel('Status').inputValue(), 'error');
    assert.equal(await page.getByLabel('Service').inputValue(), 'checkout-api');
    await page.getByLabel('Service').fill('no-such-service');
    await page.getByLabel('Service').press('Enter');
    await page.getByText('No trace matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((u) => u.search === '');
    assert.equal((await listedTraces(page)).length, 50);
  });

  it('shows the span tree as a waterfall: nested, ordered, orphans on top, errors marked', async () => {
    await page.locator(`tr[data-trace-id="${TRACE_CHECKOUT}"] a`).click();
    await page.waitForURL((u) => u.pathname === `/traces/${TRACE_CHECKOUT}`);
    await page
      .locator('.wf-row')
      .nth(CHECKOUT_TREE.length - 1)
      .waitFor();
    const rows = await waterfallRows(page);
    assert.deepEqual(
      rows.map(([name, depth]) => [name, depth]),
      CHECKOUT_TREE.map((t) => [t.name, t.depth]),
    );
    // Each level is indented further than its parent (four levels here).
    const indent = new Map(rows.map(([, depth, px]) => [depth, px]));
    assert.deepEqual([...indent.keys()].sort(), [0, 1, 2, 3]);
    assert.ok(
      indent.get(0)! < indent.get(1)! && indent.get(1)! < indent.get(2)! && indent.get(2)! < indent.get(3)!,
    );
    assert.equal(await page.locator('.wf-row .orphan-mark').count(), 1);
    assert.equal(await page.locator('.wf-row:has(.orphan-mark) .wf-label').textContent(), 'late callback');
    assert.deepEqual(
      await page.$$eval('.wf-row.error', (lis) => lis.map((li) => li.getAttribute('data-span-id'))),
      [ERROR_SPAN],
    );
    // Bars sit on the trace's time axis: the root spans all of it, a child starts inside its parent.
    const bar = async (id: string) =>
      page.locator(`.wf-row[data-span-id="${id}"] .wf-bar`).evaluate((el) => {
        const b = el.getBoundingClientRect();
        const track = el.parentElement!.getBoundingClientRect();
        return { left: (b.left - track.left) / track.width, width: b.width / track.width };
      });
    const root = await bar(CHECKOUT_TREE[0].id);
    const tool = await bar(ERROR_SPAN);
    assert.ok(root.left < 0.001 && Math.abs(root.width - 900 / 980) < 0.01, JSON.stringify(root));
    assert.ok(
      Math.abs(tool.left - 100 / 980) < 0.01 && Math.abs(tool.width - 120 / 980) < 0.01,
      JSON.stringify(tool),
    );
    // The LLM mark follows what the API read off each span.
    const detail = await apiFromPage<TraceDetailReply>(page, 'GET', `/api/traces/${TRACE_CHECKOUT}`);
    const llm = detail.data.spans.filter((sp) => sp.span_type === 'llm').map((sp) => sp.span_id);
    assert.deepEqual(
      await page.$$eval('.wf-row.llm', (lis) => lis.map((li) => li.getAttribute('data-span-id'))),
      llm,
    );
    await page.screenshot({ path: artifactPath('trace-waterfall.png') });
  });

  it('opens a span: attributes, resource, events, status, pretty-printed input and output; a reload keeps it', async () => {
    await page.locator(`.wf-row[data-span-id="${LLM_SPAN}"] .wf-select`).click();
    await page.waitForURL((u) => u.searchParams.get('span') === LLM_SPAN);
    const panel = page.locator('[data-testid="span-detail"]');
    assert.equal(await panel.locator('h2').textContent(), 'chat gpt-4o');
    assert.equal(
      await panel.getByTestId('span-input').textContent(),
      JSON.stringify(JSON.parse(INPUT_MESSAGES), null, 2),
    );
    assert.equal(await panel.getByTestId('span-output').textContent(), 'Your order 42 ships tomorrow.');
    const resource = await panel.getByRole('table', { name: 'Resource attributes' }).textContent();
    assert.match(resource ?? '', /service\.namecheckout-api/);
    assert.match(
      (await panel.getByRole('table', { name: 'Attributes', exact: true }).textContent()) ?? '',
      /gen_ai\.request\.modelgpt-4o/,
    );
    assert.match((await panel.locator('.span-events').textContent()) ?? '', /first_token at \+130 ms/);
    await page.reload();
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-span-id'), LLM_SPAN);
    await page.locator(`.wf-row[data-span-id="${ERROR_SPAN}"] .wf-select`).click();
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="span-detail"]')?.getAttribute('data-span-id') === id,
      ERROR_SPAN,
    );
    assert.equal(await panel.locator('p.status').textContent(), 'error: order service timed out');
    await page.screenshot({ path: artifactPath('trace-span-detail.png') });
  });

  it('renders a 2,000-span trace quickly, and collapses a subtree', async () => {
    const t = Date.now();
    await page.goto(`${s.url}/traces/${TRACE_BIG}`);
    await page
      .locator('.wf-row')
      .nth(BIG_SPANS - 1)
      .waitFor({ state: 'attached' });
    const ms = Date.now() - t;
    assert.ok(ms < 5000, `a page load to 2,000 rows took ${ms} ms`);
    const depths = await page.$$eval('.wf-row', (lis) =>
      lis.map((li) => Number(li.getAttribute('data-depth'))),
    );
    // Root, then each of its 40 children followed by its own children.
    assert.deepEqual(
      [0, 1, 2].map((d) => depths.filter((x) => x === d).length),
      [1, 40, BIG_SPANS - 41],
    );
    assert.deepEqual(depths.slice(0, 3), [0, 1, 2]);
    const first = page.locator('.wf-row[data-depth="1"]').first();
    const firstId = await first.getAttribute('data-span-id');
    const kids = await page.$$eval(
      '.wf-row',
      (lis, parent) => {
        const i = lis.findIndex((li) => li.getAttribute('data-span-id') === parent);
        let n = 0;
        while (lis[i + 1 + n]?.getAttribute('data-depth') === '2') n++;
        return n;
      },
      firstId,
    );
    assert.equal(kids, Math.ceil((BIG_SPANS - 41) / 40));
    await first.locator('.wf-toggle').click();
    await page.waitForFunction((n) => document.querySelectorAll('.wf-row').length === n, BIG_SPANS - kids);
    assert.match((await first.locator('.wf-select').textContent()) ?? '', new RegExp(`\\+${kids}$`));
    await page.getByRole('button', { name: 'Collapse nightly reindex' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.wf-row').length === 1);
  });

  it("shows a conversation as a thread with the answer's figures, rating and trace link; a reload keeps it", async () => {
    await page.goto(`${s.url}/conversations/${CONVERSATION}`);
    await page.locator('.thread .bubble').first().waitFor();
    const want = conversationBatch(now).messages;
    const bubbles = await page.$$eval('.thread .bubble', (lis) =>
      lis.map((li) => [li.getAttribute('data-role'), li.querySelector('.bubble-content')?.textContent]),
    );
    assert.deepEqual(
      bubbles,
      want.map((m) => [m.role, m.content]),
    );
    const answer = page.locator(`#message-${ASSISTANT_MESSAGE}`);
    // Its cost, independently: the catalog's gpt-4o prices (the workspace sets none) times its tokens.
    const [{ price }] = catalogPrices([{ provider: 'openai', model_id: 'gpt-4o' }]);
    const cost = (120 * price!.input_per_1k + 48 * price!.output_per_1k) / 1000;
    assert.ok(cost > 0 && cost < 0.01);
    assert.equal(
      await answer.getByTestId('message-facts').textContent(),
      `gpt-4o · 812 ms · 120 in / 48 out tokens · $${cost.toPrecision(2)}`,
    );
    assert.equal(
      await answer.getByTestId('evaluation').textContent(),
      'rated 2 · failure · wrong_date by judge-1',
    );
    const conv = await apiFromPage<ConversationReply>(page, 'GET', `/api/conversations/${CONVERSATION}`);
    assert.equal(conv.data.messages.find((m) => m.id === ASSISTANT_MESSAGE)?.trace_id, TRACE_CHECKOUT);
    await page.reload();
    await answer.waitFor();
    await answer.getByRole('link', { name: 'View trace' }).click();
    await page.waitForURL(
      (u) => u.pathname === `/traces/${TRACE_CHECKOUT}` && u.searchParams.get('span') === LLM_SPAN,
    );
    await page.locator('[data-testid="span-detail"]').waitFor();
    await page.goto(`${s.url}/conversations/no-such-conversation`);
    await page.getByText('No such conversation').waitFor();
  });

  it('links a judgment example to its conversation, at the judged answer', async () => {
    await page.goto(s.url);
    await waitForCharts(page, ['judgments-table']);
    const link = page.locator('[data-testid="chart-judgments-table"] [data-testid="judgment-conversation"]');
    assert.equal(await link.count(), 1);
    assert.equal(
      await link.getAttribute('href'),
      `/conversations/${CONVERSATION}#message-${ASSISTANT_MESSAGE}`,
    );
    await link.click();
    await page.locator(`#message-${ASSISTANT_MESSAGE}.highlighted`).waitFor();
    assert.equal(new URL(page.url()).pathname, `/conversations/${CONVERSATION}`);
    await page.screenshot({ path: artifactPath('conversation-thread.png') });
  });

  it("links a model in the model table to that model's traces", async () => {
    await page.goBack();
    await waitForCharts(page, ['model-performance']);
    const link = page.locator('[data-testid="chart-model-performance"] tbody a', { hasText: 'gpt-4o' });
    assert.equal(await link.getAttribute('href'), '/traces?model=gpt-4o');
    await link.click();
    await page.waitForURL((u) => u.pathname === '/traces' && u.searchParams.get('model') === 'gpt-4o');
    assert.equal(await page.getByLabel('Model').inputValue(), 'gpt-4o');
    const api = await apiFromPage<TraceListReply>(page, 'GET', '/api/analytics/traces?model=gpt-4o&limit=50');
    assert.deepEqual(
      await listedTraces(page),
      api.data.traces.map((t) => t.trace_id),
    );
  });
});
