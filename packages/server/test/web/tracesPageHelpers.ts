// Owns the trace viewer browser tests' helpers: sending their data through the real ingest endpoints, and
// reading the trace list and the waterfall off the page.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { conversationBatch, traceRequests } from './tracesFixture.ts';

/** Sends the fixture's spans to POST /v1/traces and its conversation to POST /api/ingest, with an ingest key. */
export async function seedViewerData(url: string, key: string, now: number): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  for (const body of traceRequests(now)) {
    const r = await post('/v1/traces', body);
    const text = await r.text();
    assert.equal(r.status, 200, text);
    assert.deepEqual(JSON.parse(text), {}, 'every span stored');
  }
  const r = await post('/api/ingest', conversationBatch(now));
  assert.equal(r.status, 200, await r.text());
}

/** The trace ids the list shows, top to bottom, once it has settled. */
export async function listedTraces(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const panel = document.querySelector('#traces [data-state]');
    return (
      panel && panel.getAttribute('aria-busy') !== 'true' && panel.getAttribute('data-state') !== 'loading'
    );
  });
  return page.$$eval('.trace-table tbody tr', (trs) =>
    trs.map((tr) => tr.getAttribute('data-trace-id') ?? ''),
  );
}

/** The waterfall's rows as [name, depth, indentation in px], top to bottom. */
export function waterfallRows(page: Page): Promise<[string, number, number][]> {
  return page.$$eval('.wf-row', (lis) =>
    lis.map((li): [string, number, number] => [
      li.querySelector('.wf-label')?.textContent ?? '',
      Number(li.getAttribute('data-depth')),
      Number.parseFloat(getComputedStyle(li.querySelector('.wf-name')!).paddingLeft),
    ]),
  );
}
