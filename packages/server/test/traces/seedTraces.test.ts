// The seed's POST /api/analytics/traces on both engines: a span stored with hashed ids and its fields as
// attributes, children hung from their trace's root (sent before it, or of an OTLP trace), re-sends
// replacing, permission and bad bodies refused; read back through the traces API.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type Body, get } from './apiGet.ts';
import { allSpans, traceIdOf } from './traceFixture.ts';

const ids = (xs: { trace_id: string }[]) => xs.map((x) => x.trace_id);

for (const engine of ENGINES) {
  describe(`seed trace capture on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
      await s.ctx.store.commit({ ...emptyRowSet(), spans: allSpans() });
    });
    after(() => s?.close());

    it("the seed's POST stores a span (hashed ids, fields as attributes); its GETs show it", async () => {
      const ingestKey = await s.createKey('ingest');
      const url = `${s.url}/api/analytics/traces`;
      const root = await post(url, ingestKey, {
        trace_id: 'seed-run-1',
        span_name: 'answer question',
        duration_ms: 1234.5,
        operation_type: 'llm_call',
        model_name: 'gpt-4o',
        metadata: { user: 'u-1', operation_type: 'ignored' },
        start_time: '2026-11-20T10:00:00.000Z',
      });
      assert.equal(root.status, 200, JSON.stringify(root.body));
      const { trace_id, span_id } = (root.body as Body).data;
      assert.match(trace_id, /^[0-9a-f]{32}$/);
      assert.match(span_id, /^[0-9a-f]{16}$/);
      const child = await post(url, ingestKey, {
        trace_id: 'seed-step-2',
        parent_trace_id: 'seed-run-1',
        span_name: 'retrieve',
        duration_ms: 10,
        operation_type: 'retrieval',
        start_time: '2026-11-20T10:00:00.100Z',
      });
      assert.equal(child.status, 200, JSON.stringify(child.body));
      assert.equal((child.body as Body).data.trace_id, trace_id);
      const detail = await get(s, `/api/traces/${trace_id}`);
      const [a, b] = detail.body.data.spans;
      assert.equal(a.name, 'answer question');
      assert.equal(a.duration_ms, 1234.5);
      assert.equal(a.start_time, '2026-11-20T10:00:00.000Z');
      assert.deepEqual(a.attributes, {
        user: 'u-1',
        operation_type: 'llm_call',
        'gen_ai.request.model': 'gpt-4o',
        'seed.trace_id': 'seed-run-1',
      });
      assert.equal(a.model_id, 'gpt-4o');
      assert.equal(b.parent_span_id, a.span_id);
      assert.equal(b.attributes['seed.trace_id'], 'seed-step-2');
      assert.equal(detail.body.data.summary.span_count, 2);
      assert.equal(detail.body.data.summary.name, 'answer question');
      const listed = await get(s, '/api/analytics/traces?start_date=2026-11-20&end_date=2026-11-20');
      assert.deepEqual(ids(listed.body.data.traces), [trace_id]);
      // Re-sending a seed span replaces it rather than adding one.
      await post(url, ingestKey, {
        trace_id: 'seed-step-2',
        parent_trace_id: 'seed-run-1',
        span_name: 'retrieve again',
        duration_ms: 5,
        operation_type: 'retrieval',
        start_time: '2026-11-20T10:00:00.100Z',
      });
      const again = await get(s, `/api/traces/${trace_id}`);
      assert.equal(again.body.data.spans.length, 2);
      assert.equal(again.body.data.spans[1].name, 'retrieve again');
      // A child sent before its seed root points at the id that root gets; one of a stored trace at its root.
      const early = {
        span_name: 'early child',
        duration_ms: 1,
        operation_type: 'tool',
        start_time: '2026-11-21T10:00:01Z',
      };
      const c2 = await post(url, ingestKey, { ...early, trace_id: 'seed-c', parent_trace_id: 'seed-run-2' });
      const r2 = await post(url, ingestKey, {
        trace_id: 'seed-run-2',
        span_name: 'late root',
        duration_ms: 5,
        operation_type: 'run',
        start_time: '2026-11-21T10:00:00Z',
      });
      const tree = await get(s, `/api/traces/${(r2.body as Body).data.trace_id}`);
      assert.equal((c2.body as Body).data.trace_id, (r2.body as Body).data.trace_id);
      assert.deepEqual(
        tree.body.data.spans.map((x: Body) => [x.name, x.parent_span_id]),
        [
          ['late root', null],
          ['early child', (r2.body as Body).data.span_id],
        ],
      );
      const c3 = await post(url, ingestKey, { ...early, trace_id: 'seed-d', parent_trace_id: traceIdOf(3) });
      const three = await get(s, `/api/traces/${traceIdOf(3)}`);
      const added = three.body.data.spans.find((x: Body) => x.span_id === (c3.body as Body).data.span_id);
      assert.equal(added.parent_span_id, three.body.data.spans[0].span_id);
      assert.equal(three.body.data.spans[0].name, 'root 3');
      // Permission: a read key cannot capture; bad bodies change nothing.
      const readKey = await s.createKey('read');
      const body = { trace_id: 'x', span_name: 'y', duration_ms: 1, operation_type: 'z' };
      assert.equal((await post(url, readKey, body)).status, 403);
      for (const bad of [
        { ...body, duration_ms: -1 },
        { ...body, span_name: '' },
        { ...body, extra: 1 },
        { ...body, span_name: 'nul \u0000' },
        { ...body, start_time: 'yesterday' },
        { ...body, duration_ms: 1e300 },
      ]) {
        const r = await post(url, ingestKey, bad);
        assert.equal(r.status, 400, JSON.stringify(bad));
      }
      const x = await get(s, `/api/traces/${createHash('md5').update('x').digest('hex')}`);
      assert.equal(x.status, 404);
    });
  });
}
