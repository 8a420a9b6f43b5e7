// Every validation rule of POST /api/ingest answers 400 naming the item's path, and writes nothing, on both
// engines: a batch one store could hold and the other could not must be refused by both alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const msg = (over: Record<string, unknown> = {}) => ({
  id: 'm-ok',
  conversation_id: 'c1',
  role: 'assistant',
  ...over,
});
const ev = (over: Record<string, unknown> = {}) => ({ id: 'e-ok', message_id: 'm-ok', rating: 4, ...over });

const CASES: [name: string, body: unknown, path: string][] = [
  ['rating above 5', { evaluations: [ev({ rating: 6 })] }, 'evaluations[0].rating'],
  ['rating below 1', { evaluations: [ev({ rating: 0 })] }, 'evaluations[0].rating'],
  ['rating not an integer', { evaluations: [ev({ rating: 3.5 })] }, 'evaluations[0].rating'],
  ['negative input tokens', { messages: [msg({ input_tokens: -1 })] }, 'messages[0].input_tokens'],
  ['fractional output tokens', { messages: [msg({ output_tokens: 1.5 })] }, 'messages[0].output_tokens'],
  ['negative latency', { messages: [msg({ latency_ms: -5 })] }, 'messages[0].latency_ms'],
  ['latency as a string', { messages: [msg({ latency_ms: '100' })] }, 'messages[0].latency_ms'],
  ['unknown role', { messages: [msg({ role: 'bot' })] }, 'messages[0].role'],
  ['bad timestamp', { messages: [msg({ created_at: 'yesterday' })] }, 'messages[0].created_at'],
  [
    'timestamp without zone',
    { conversations: [{ id: 'c', created_at: '2026-01-01T10:00:00' }] },
    'conversations[0].created_at',
  ],
  [
    'unknown training method',
    { models: [{ model_id: 'x', training_method: 'ppo' }] },
    'models[0].training_method',
  ],
  ['empty id', { messages: [msg({ id: '' })] }, 'messages[0].id'],
  ['id too long', { messages: [msg({ id: 'x'.repeat(257) })] }, 'messages[0].id'],
  ['missing conversation_id', { messages: [{ id: 'm', role: 'user' }] }, 'messages[0].conversation_id'],
  ['content too large', { messages: [msg({ content: 'x'.repeat(100_001) })] }, 'messages[0].content'],
  [
    'too many failure tags',
    { evaluations: [ev({ failure_tags: Array(33).fill('t') })] },
    'evaluations[0].failure_tags',
  ],
  [
    'failure tag too long',
    { evaluations: [ev({ failure_tags: ['x'.repeat(65)] })] },
    'evaluations[0].failure_tags[0]',
  ],
  [
    'metadata too large',
    { messages: [msg({ metadata: { blob: 'x'.repeat(17_000) } })] },
    'messages[0].metadata',
  ],
  [
    'tool call without name',
    { messages: [msg({ tools_called: [{ success: true }] })] },
    'messages[0].tools_called[0].name',
  ],
  ['unknown field', { messages: [msg({ colour: 'red' })] }, 'messages[0]'],
  ['unknown top-level key', { traces: [] }, ''],
  ['success not boolean', { evaluations: [ev({ success: 'yes' })] }, 'evaluations[0].success'],
  [
    'widget flag not boolean',
    { conversations: [{ id: 'c', is_widget_session: 1 }] },
    'conversations[0].is_widget_session',
  ],
  ['messages not an array', { messages: {} }, 'messages'],
  // An unpaired surrogate (sent as the JSON escape \ud800) has no UTF-8 form: the store cannot hold it.
  [
    'content with an unpaired surrogate',
    { messages: [msg({ content: 'hi \ud800' })] },
    'messages[0].content',
  ],
  ['id with an unpaired surrogate', { messages: [msg({ id: 'm\udc00' })] }, 'messages[0].id'],
  [
    'metadata value with an unpaired surrogate',
    { messages: [msg({ metadata: { note: ['ok', '\ud83d'] } })] },
    'messages[0].metadata',
  ],
  [
    'metadata key with an unpaired surrogate',
    { models: [{ model_id: 'x', metadata: { '\udfff': 1 } }] },
    'models[0].metadata',
  ],
  [
    'training dataset with an unpaired surrogate',
    { models: [{ model_id: 'x', training_dataset: { name: 'a\ud800b' } }] },
    'models[0].training_dataset',
  ],
  [
    'failure tag with an unpaired surrogate',
    { evaluations: [ev({ failure_tags: ['x\ud800'] })] },
    'evaluations[0].failure_tags[0]',
  ],
  [
    'tool name with an unpaired surrogate',
    { messages: [msg({ tools_called: [{ name: '\udc00search' }] })] },
    'messages[0].tools_called[0].name',
  ],
  // PostgreSQL cannot hold NUL in text or jsonb (DuckDB can): it used to fail the whole group commit there.
  ['id with NUL', { messages: [msg({ id: 'm\u0000' })] }, 'messages[0].id'],
  ['content with NUL', { messages: [msg({ content: 'a\u0000b' })] }, 'messages[0].content'],
  [
    'conversation label with NUL',
    { conversations: [{ id: 'c', user_id: '\u0000' }] },
    'conversations[0].user_id',
  ],
  [
    'failure tag with NUL',
    { evaluations: [ev({ failure_tags: ['x\u0000'] })] },
    'evaluations[0].failure_tags[0]',
  ],
  [
    'tool name with NUL',
    { messages: [msg({ tools_called: [{ name: 'kb\u0000' }] })] },
    'messages[0].tools_called[0].name',
  ],
  ['metadata key with NUL', { messages: [msg({ metadata: { 'k\u0000': 1 } })] }, 'messages[0].metadata'],
  [
    'metadata value with NUL',
    { models: [{ model_id: 'x', metadata: { a: ['\u0000'] } }] },
    'models[0].metadata',
  ],
  [
    'evaluation metrics with NUL',
    { models: [{ model_id: 'x', evaluation_metrics: { loss: 1, note: '\u0000' } }] },
    'models[0].evaluation_metrics',
  ],
];

/** JSON text of `levels` objects nested in one another around `inner`: too deep for JSON.stringify to write. */
const objects = (levels: number, inner = '{}') =>
  `${'{"a":'.repeat(levels - 1)}${inner}${'}'.repeat(levels - 1)}`;
const arrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const message = (field: string) => `{"id":"m-ok","conversation_id":"c1","role":"user","${field}":`;
const TOO_DEEP = `must not nest objects and arrays more than ${LIMITS.jsonDepth} levels deep`;

/** Bodies sent as text (a valid conversation rides along in each), the path and message they must report. */
const DEEP: [name: string, body: string, path: string, message: RegExp][] = [
  [
    'metadata one level past the limit',
    `{"messages":[${message('metadata')}${objects(LIMITS.jsonDepth + 1)}}]}`,
    'messages[0].metadata',
    new RegExp(TOO_DEEP),
  ],
  [
    'metadata nested 5,000 levels',
    `{"messages":[${message('metadata')}${objects(5_000)}}]}`,
    'messages[0].metadata',
    new RegExp(TOO_DEEP),
  ],
  [
    'model metadata nested 100,000 levels',
    `{"models":[{"model_id":"x","metadata":${objects(100_000)}}]}`,
    'models[0].metadata',
    new RegExp(TOO_DEEP),
  ],
  [
    'training dataset of 1,000,000 nested arrays',
    `{"models":[{"model_id":"x","training_dataset":${arrays(1_000_000)}}]}`,
    'models[0].training_dataset',
    new RegExp(TOO_DEEP),
  ],
  [
    'content nested 100,000 levels',
    `{"messages":[${message('content')}${objects(100_000)}}]}`,
    'messages[0].content',
    /string/,
  ],
  ['an unknown key nesting 1,000,000 arrays', `{"traces":${arrays(1_000_000)}}`, '', /traces/],
];

for (const engine of ENGINES)
  describe(`POST /api/ingest validation (${engine})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    const assertNothingWritten = async () => {
      for (const t of ['messages', 'conversations', 'models', 'evaluations'] as const)
        assert.equal(await s.count(t), 0, t);
    };

    for (const [name, body, path] of CASES) {
      it(`${name} → 400 at ${path || '(root)'}, nothing written`, async () => {
        // A valid item rides along: all-or-nothing means it must not be written either.
        const withValid = { ...(body as object) } as Record<string, unknown[]>;
        const r = await post(`${s.url}/api/ingest`, s.adminKey, {
          ...withValid,
          conversations: [...((withValid.conversations as unknown[]) ?? []), { id: 'c-valid' }],
        });
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error?.code, 'validation_failed');
        assert.ok(
          r.body.error?.issues?.some((i) => i.path === path),
          `expected an issue at "${path}", got ${JSON.stringify(r.body.error?.issues)}`,
        );
        await assertNothingWritten();
      });
    }

    for (const [name, text, path, message] of DEEP) {
      it(`${name} → 400 at ${path || '(root)'}, nothing written`, async () => {
        const body = `${text.slice(0, -1)},"conversations":[{"id":"c-valid"}]}`;
        const r = await post(`${s.url}/api/ingest`, s.adminKey, body);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error?.code, 'validation_failed');
        const issue = r.body.error?.issues?.find((i) => i.path === path);
        assert.ok(issue, `expected an issue at "${path}", got ${JSON.stringify(r.body.error?.issues)}`);
        assert.match(issue.message, message);
        await assertNothingWritten();
      });
    }

    it('a batch refused for NUL does not fail a valid batch sent alongside it', async () => {
      // A workspace of its own, so the other tests' "nothing written" counts stay undisturbed.
      const key = await s.createKey('ingest', 'nul-neighbour');
      const [bad, good] = await Promise.all([
        post(`${s.url}/api/ingest`, key, { messages: [msg({ id: 'm-nul', content: '\u0000' })] }),
        post(`${s.url}/api/ingest`, key, { messages: [msg({ id: 'm-good', content: 'fine' })] }),
      ]);
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.equal(good.status, 200, JSON.stringify(good.body));
      const rows = await s.ctx.store.query<{ id: string }>(
        'SELECT id FROM messages WHERE workspace_id = $1',
        ['nul-neighbour'],
      );
      assert.deepEqual(
        rows.map((r) => r.id),
        ['m-good'],
      );
    });

    it('a body that is not JSON → 400 invalid_json', async () => {
      const r = await post(`${s.url}/api/ingest`, s.adminKey, '{"messages": [');
      assert.equal(r.status, 400);
      assert.equal(r.body.error?.code, 'invalid_json');
    });

    it('a JSON array body → 400 invalid_body', async () => {
      const r = await post(`${s.url}/api/ingest`, s.adminKey, '[]');
      assert.equal(r.status, 400);
      assert.equal(r.body.error?.code, 'invalid_body');
    });

    it('a non-JSON content type → 415', async () => {
      const r = await post(`${s.url}/api/ingest`, s.adminKey, 'a=b', { 'content-type': 'text/plain' });
      assert.equal(r.status, 415, JSON.stringify(r.body));
      assert.equal(r.body.error?.code, 'unsupported_media_type');
    });

    it('a valid batch → 200 with accepted counts', async () => {
      const r = await post(`${s.url}/api/ingest`, s.adminKey, {
        models: [{ model_id: 'gpt-4o', provider: 'openai', training_method: 'base' }],
        conversations: [{ id: 'c1', session_id: 's1', is_widget_session: false }],
        messages: [msg(), msg({ id: 'm2', role: 'user', content: 'hi' })],
        evaluations: [ev({ failure_tags: ['hallucination'], success: false })],
      });
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { accepted: { models: 1, conversations: 1, messages: 2, evaluations: 1 } });
      assert.equal(await s.count('messages'), 2);
    });
  });
