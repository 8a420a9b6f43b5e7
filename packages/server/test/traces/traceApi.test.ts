// The traces API on both engines through the real server: the list (every trace once across cursor pages,
// summaries and cost against an independent computation, filters), a trace's detail, workspace isolation
// and the 400/404 paths. The seed's POST is in seedTraces.test.ts, conversations in conversationApi.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TraceSummary } from '@llm-analytics/core';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type Body, get } from './apiGet.ts';
import {
  allSpans,
  type Expected,
  expectedList,
  ORPHAN,
  OTHER,
  PRICE_BOOK,
  rootStart,
  T0,
  TRACES,
  traceIdOf,
  WS,
} from './traceFixture.ts';

/** Every page of the list for `query` with page size `limit`, in order. */
async function allPages(s: TestServer, query: string, limit: number, key?: string): Promise<TraceSummary[]> {
  const out: TraceSummary[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const c: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const r = await get(s, `/api/analytics/traces?limit=${limit}${query}${c}`, key);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.data.traces.length <= limit);
    out.push(...r.body.data.traces);
    cursor = r.body.data.next_cursor;
    if (!cursor) return out;
  }
  throw new Error('the cursor never ended');
}

const ids = (xs: { trace_id: string }[]) => xs.map((x) => x.trace_id);
const close = (a: number | null, b: number | null, what: string) => {
  if (a === null || b === null) return assert.equal(a, b, what);
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
};

function checkSummary(got: TraceSummary, want: Expected): void {
  const w = `trace ${want.trace_id}`;
  assert.equal(got.name, want.name, w);
  assert.equal(got.span_count, want.span_count, w);
  assert.equal(got.error_count, want.error_count, w);
  assert.equal(got.status, want.status, w);
  assert.deepEqual(got.models, want.models, w);
  assert.equal(got.input_tokens, want.input_tokens, w);
  assert.equal(got.output_tokens, want.output_tokens, w);
  close(got.cost_usd, want.cost_usd, `${w} cost`);
  assert.equal(got.conversation_id, want.conversation_id, w);
  assert.equal(got.service_name, want.service_name, w);
  assert.equal(got.start_time, new Date(Math.floor(want.rootStart)).toISOString(), w);
}

for (const engine of ENGINES) {
  describe(`traces API on ${engine}`, () => {
    let s: TestServer;
    let otherKey: string;
    const want = expectedList(PRICE_BOOK);
    before(async () => {
      s = await startTestServer({ engine });
      otherKey = await s.createKey('read', OTHER);
      await s.ctx.settings.update(WS, { price_book: PRICE_BOOK });
      await s.ctx.store.commit({ ...emptyRowSet(), spans: allSpans() });
    });
    after(() => s?.close());

    it('the oracle covers every price layer, unpriced traces, ties and two parentless spans', () => {
      assert.ok(want.some((t) => t.cost_usd === null));
      assert.ok(want.filter((t) => (t.cost_usd ?? 0) > 0).length > 10);
      assert.equal(want.length, TRACES);
    });

    it('lists every trace exactly once across cursor pages, newest root first, at any page size', async () => {
      for (const limit of [1, 2, 3, 7, 100]) {
        const got = await allPages(s, '', limit);
        assert.deepEqual(ids(got), ids(want), `limit ${limit}`);
      }
      const first = await get(s, '/api/analytics/traces');
      assert.equal(first.body.data.traces.length, TRACES);
      assert.equal(first.body.data.next_cursor, null);
    });

    it('summaries and cost match an independent computation from the rows and the price book', async () => {
      const got = await allPages(s, '', 500);
      for (const [i, w] of want.entries()) checkSummary(got[i], w);
      const t30 = got.find((t) => t.trace_id === traceIdOf(30))!;
      // The stray parentless span ends last: the trace spans from its root's start to that end.
      close(t30.duration_ms, rootStart(30) + 2010 - rootStart(30), 'duration');
    });

    it('filters by model, status, service, conversation and dates, and pages filtered lists too', async () => {
      const cases: [string, (t: Expected) => boolean][] = [
        ['&model=gpt-4o', (t) => t.models.includes('gpt-4o')],
        ['&status=error', (t) => t.error_count > 0],
        ['&status=ok', (t) => t.error_count === 0],
        ['&service=svc-1', (t) => t.service_name === 'svc-1'],
        ['&conversation_id=conv-2', (t) => t.conversation_id === 'conv-2'],
        // Only the traces with a second LLM span have a span of conv-late (their first conversation differs).
        ['&conversation_id=conv-late', (t) => t.models.length === 2],
        [
          `&start_date=${new Date(rootStart(10)).toISOString()}&end_date=${new Date(rootStart(20) + 1).toISOString()}`,
          (t) => t.rootStart >= Math.floor(rootStart(10)) && t.rootStart < Math.floor(rootStart(20) + 1),
        ],
        [
          '&model=gpt-4o&status=ok&service=svc-2',
          (t) => t.models.includes('gpt-4o') && t.error_count === 0 && t.service_name === 'svc-2',
        ],
        ['&model=no-such-model', () => false],
      ];
      for (const [query, keep] of cases) {
        const expected = ids(want.filter(keep));
        assert.deepEqual(ids(await allPages(s, query, 2)), expected, query);
      }
      // A date-only end_date includes that day; a date-only start_date starts at its midnight.
      const day = new Date(T0).toISOString().slice(0, 10);
      assert.deepEqual(ids(await allPages(s, `&start_date=${day}&end_date=${day}`, 50)), ids(want));
    });

    it('is workspace-isolated: the other workspace lists its own traces only, with its own spans', async () => {
      const theirs = await allPages(s, '', 10, otherKey);
      assert.deepEqual(ids(theirs).sort(), [0, 1, 2, 500].map(traceIdOf).sort());
      assert.ok(theirs.every((t) => t.name?.startsWith('other ')));
      const mine = await get(s, `/api/traces/${traceIdOf(0)}`);
      assert.ok(mine.body.data.spans.every((x: Body) => !x.name.startsWith('other ')));
      assert.equal((await get(s, `/api/traces/${traceIdOf(500)}`)).status, 404);
      assert.equal((await get(s, `/api/traces/${traceIdOf(5)}`, otherKey)).status, 404);
    });

    it("a trace's detail: every span by start time, JSON parsed, LLM spans naming their message", async () => {
      const r = await get(s, `/api/traces/${traceIdOf(6).toUpperCase()}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const { summary, spans } = r.body.data;
      checkSummary(summary, want.find((t) => t.trace_id === traceIdOf(6))!);
      assert.equal(spans.length, 4);
      const starts = spans.map((x: Body) => Date.parse(x.start_time));
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
      const [root, llm, tool] = spans;
      assert.equal(root.parent_span_id, null);
      assert.equal(root.kind, 2);
      assert.deepEqual(root.resource_attributes, { 'service.name': 'svc' });
      assert.deepEqual(root.attributes, { k: root.span_id });
      assert.equal(root.duration_ms, 900.5);
      assert.equal(llm.parent_span_id, root.span_id);
      assert.equal(llm.span_type, 'llm');
      assert.equal(llm.message_id, `${traceIdOf(6)}-${llm.span_id}`);
      assert.equal(llm.events[0].name, 'gen_ai.choice');
      assert.deepEqual(llm.links, []);
      assert.equal(tool.span_type, 'tool');
      assert.equal(tool.tool_name, 'search');
      assert.equal(tool.message_id, null);
    });

    it('a trace without a root: its detail says so, the list leaves it out', async () => {
      const r = await get(s, `/api/traces/${ORPHAN}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.data.summary.name, null);
      assert.equal(r.body.data.summary.service_name, 'svc-orphan');
      assert.ok(!ids(await allPages(s, '', 500)).includes(ORPHAN));
    });

    it('refuses bad parameters and ids with a 400, unknown traces with a 404', async () => {
      for (const q of [
        'limit=0',
        'limit=501',
        'limit=abc',
        'status=broken',
        'start_date=yesterday',
        'end_date=2026-13-01',
        'start_date=2026-11-02&end_date=2026-11-01',
        'cursor=not-a-cursor',
        `cursor=${Buffer.from('["2026-01-01 00:00:00","xyz"]').toString('base64url')}`,
      ]) {
        const r = await get(s, `/api/analytics/traces?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'invalid_parameters', q);
      }
      for (const id of ['abc', `${traceIdOf(1)}0`, 'zz'.repeat(16)]) {
        const r = await get(s, `/api/traces/${id}`);
        assert.equal(r.status, 400, id);
        assert.equal(r.body.error.code, 'invalid_trace_id');
      }
      const missing = await get(s, `/api/traces/${'f'.repeat(32)}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
      assert.equal((await get(s, '/api/analytics/traces', 'not-a-key')).status, 401);
    });
  });
}
