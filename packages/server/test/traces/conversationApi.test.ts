// GET /api/conversations/:id on both engines through the real server: the conversation, its messages in
// order with cost (against an independent price computation) and evaluations, the traces its messages came
// from (OTel messages and ingested ones naming a trace in metadata), isolation, and the 400/404 paths.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { type Body, get } from './apiGet.ts';
import { OTHER, PRICE_BOOK, priceOf, traceIdOf, WS } from './traceFixture.ts';

const T1 = traceIdOf(1);
const T6 = traceIdOf(6);
const SPAN = '00000000000000a1';
/** The longest id ingest takes, with characters a path must percent-encode. */
const LONG_ID = `a/b c?#%${'é'.repeat(248)}`;
const at = (s: number) => new Date(Date.UTC(2026, 10, 2, 9, 0, s)).toISOString();

const MESSAGES = [
  { id: 'm-u1', conversation_id: 'c-1', role: 'user', content: 'hi', created_at: at(0) },
  {
    id: 'm-a1',
    conversation_id: 'c-1',
    role: 'assistant',
    content: 'hello',
    created_at: at(1),
    model_id: 'gpt-4o',
    provider: 'openai',
    input_tokens: 1200,
    output_tokens: 340,
    latency_ms: 800,
    tools_called: [{ name: 'kb_search', success: true }],
    metadata: { trace_id: T1, span_id: SPAN },
  },
  {
    id: 'm-a2',
    conversation_id: 'c-1',
    role: 'assistant',
    content: 'more',
    created_at: at(2),
    model_id: 'm-override',
    provider: 'openai',
    input_tokens: 10,
    output_tokens: 0,
    error_type: 'timeout',
  },
  // Written the way the OTLP mapping writes an LLM span: id `${trace}-${span}`, metadata naming both.
  {
    id: `${T6}-${SPAN}`,
    conversation_id: 'c-1',
    role: 'assistant',
    content: 'from a span',
    created_at: at(3),
    model_id: 'mystery-1',
    provider: 'nobody',
    input_tokens: 5,
    output_tokens: 5,
    metadata: { trace_id: T6, span_id: SPAN, source: 'otel', convention: 'genai' },
  },
  {
    id: 'm-a3',
    conversation_id: 'c-1',
    role: 'assistant',
    content: 'again',
    created_at: at(4),
    metadata: { trace_id: T1 },
  },
  { id: 'm-long', conversation_id: LONG_ID, role: 'user', content: 'long id', created_at: at(6) },
  { id: 'm-x', conversation_id: 'c-only-messages', role: 'user', content: 'alone', created_at: at(5) },
];
const EVALUATIONS = [
  { id: 'e-1', message_id: 'm-a1', evaluator_id: 'u-1', rating: 5, success: true, failure_tags: [] },
  {
    id: 'e-2',
    message_id: 'm-a1',
    evaluator_id: 'judge',
    rating: 2,
    success: false,
    failure_tags: ['tone', 'length'],
  },
  { id: 'e-3', message_id: 'm-a2', rating: null, success: false, failure_tags: ['timeout'] },
  { id: 'e-4', message_id: 'm-x', rating: 3 },
];

for (const engine of ENGINES) {
  describe(`conversation API on ${engine}`, () => {
    let s: TestServer;
    let otherKey: string;
    before(async () => {
      s = await startTestServer({ engine });
      await s.ctx.settings.update(WS, { price_book: PRICE_BOOK });
      const ingest = await post(`${s.url}/api/ingest`, s.adminKey, {
        conversations: [
          {
            id: 'c-1',
            user_id: 'u-42',
            session_id: 'exp-a',
            experiment_name: 'v2',
            is_widget_session: true,
            created_at: at(0),
          },
        ],
        messages: MESSAGES,
        evaluations: EVALUATIONS,
      });
      assert.equal(ingest.status, 200, JSON.stringify(ingest.body));
      otherKey = await s.createKey('admin', OTHER);
      const theirs = await post(`${s.url}/api/ingest`, otherKey, {
        messages: [
          { id: 'o-1', conversation_id: 'c-1', role: 'user', content: 'theirs', created_at: at(9) },
          { id: 'o-2', conversation_id: 'c-theirs', role: 'user', content: 'theirs', created_at: at(9) },
        ],
      });
      assert.equal(theirs.status, 200);
    });
    after(() => s?.close());

    it('returns the conversation, its messages in order with cost and evaluations, and its traces', async () => {
      const r = await get(s, '/api/conversations/c-1');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const { conversation, messages, trace_ids } = r.body.data;
      assert.deepEqual(conversation, {
        id: 'c-1',
        user_id: 'u-42',
        session_id: 'exp-a',
        experiment_name: 'v2',
        is_widget_session: true,
        created_at: at(0),
      });
      const sent = MESSAGES.filter((m) => m.conversation_id === 'c-1');
      assert.deepEqual(
        messages.map((m: Body) => m.id),
        sent.map((m) => m.id),
      );
      for (const [i, m] of messages.entries()) {
        const want = sent[i] as Body;
        const price = priceOf(want.model_id ?? null, want.provider ?? null, PRICE_BOOK);
        const tokens = want.input_tokens !== undefined || want.output_tokens !== undefined;
        const cost =
          tokens && price
            ? ((want.input_tokens ?? 0) / 1000) * price.input_per_1k +
              ((want.output_tokens ?? 0) / 1000) * price.output_per_1k
            : null;
        if (cost === null) assert.equal(m.cost_usd, null, m.id);
        else assert.ok(Math.abs(m.cost_usd - cost) < 1e-12, `${m.id}: ${m.cost_usd} vs ${cost}`);
        assert.equal(m.trace_id, want.metadata?.trace_id ?? null, m.id);
        assert.equal(m.span_id, want.metadata?.span_id ?? null, m.id);
        assert.equal(m.created_at, want.created_at);
        assert.equal(m.input_tokens, want.input_tokens ?? null);
        assert.equal(m.error_type, want.error_type ?? null);
        const evals = EVALUATIONS.filter((e) => e.message_id === m.id);
        assert.deepEqual(
          m.evaluations.map((e: Body) => [e.id, e.rating, e.success, e.failure_tags, e.evaluator_id]),
          evals.map((e) => [
            e.id,
            e.rating ?? null,
            e.success ?? null,
            e.failure_tags ?? [],
            e.evaluator_id ?? null,
          ]),
          m.id,
        );
      }
      // The catalog priced gpt-4o (a real price), the override m-override, and mystery-1 stays unpriced.
      assert.ok(messages[1].cost_usd > 0);
      assert.equal(messages[2].cost_usd, 0.01);
      assert.equal(messages[3].cost_usd, null);
      assert.deepEqual(messages[1].tools_called, [{ name: 'kb_search', success: true }]);
      // Newest first: m-a3 names T1 (after T6's message at 3 s).
      assert.deepEqual(trace_ids, [T1, T6]);
    });

    it('a conversation only messages name has null fields; other workspaces are kept apart', async () => {
      const alone = await get(s, '/api/conversations/c-only-messages');
      assert.equal(alone.status, 200);
      assert.equal(alone.body.data.conversation.created_at, null);
      assert.equal(alone.body.data.conversation.user_id, null);
      assert.deepEqual(
        alone.body.data.messages[0].evaluations.map((e: Body) => e.id),
        ['e-4'],
      );
      assert.deepEqual(alone.body.data.trace_ids, []);
      const theirs = await get(s, '/api/conversations/c-1', otherKey);
      assert.deepEqual(
        theirs.body.data.messages.map((m: Body) => m.id),
        ['o-1'],
      );
      assert.equal(theirs.body.data.conversation.created_at, null);
      assert.equal((await get(s, '/api/conversations/c-theirs')).status, 404);
    });

    it('404 for an unknown conversation, 400 for an id too long', async () => {
      const missing = await get(s, '/api/conversations/nope');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
      const longest = await get(s, `/api/conversations/${encodeURIComponent(LONG_ID)}`);
      assert.equal(longest.status, 200, JSON.stringify(longest.body));
      assert.equal(longest.body.data.conversation.id, LONG_ID);
      assert.deepEqual(
        longest.body.data.messages.map((m: Body) => m.id),
        ['m-long'],
      );
      const long = await get(s, `/api/conversations/${'x'.repeat(257)}`);
      assert.equal(long.status, 400);
      assert.equal(long.body.error.code, 'invalid_conversation_id');
    });
  });
}
