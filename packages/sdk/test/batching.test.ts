// Tests batching against a real local HTTP server: size and interval triggers, body shape, ids, splitting, validation.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { InvalidRecordError, LLMAnalytics } from '../src/index.ts';
import { type FakeIngestServer, startFakeIngestServer } from './helpers/fakeIngestServer.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('batching', () => {
  let server: FakeIngestServer;
  beforeEach(async () => {
    server = await startFakeIngestServer();
  });
  afterEach(() => server.close());

  const client = (extra: Partial<ConstructorParameters<typeof LLMAnalytics>[0]> = {}) =>
    new LLMAnalytics({ baseUrl: server.url, apiKey: 'k'.repeat(40), flushIntervalMs: 60_000, ...extra });

  it('sends one authenticated JSON request with all the arrays on flush()', async () => {
    const sdk = client();
    sdk.model({ model_id: 'gpt-4o', provider: 'openai', training_method: 'base' });
    const conversationId = sdk.conversation({ user_id: 'u1', experiment_name: 'exp-a' });
    const messageId = sdk.message({ conversation_id: conversationId, role: 'user', content: 'hi' });
    const evaluationId = sdk.evaluation({ message_id: messageId, rating: 5, success: true });
    assert.equal(server.requests.length, 0, 'nothing is sent before a trigger');
    await sdk.flush();
    assert.equal(server.requests.length, 1);
    const [req] = server.requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/api/ingest');
    assert.equal(req.authorization, `Bearer ${'k'.repeat(40)}`);
    assert.match(req.contentType ?? '', /application\/json/);
    assert.deepEqual(Object.keys(req.body), [
      'models',
      'conversations',
      'messages',
      'evaluations',
      'benchmarks',
      'benchmark_results',
    ]);
    assert.equal(req.body.models[0].model_id, 'gpt-4o');
    assert.equal(req.body.conversations[0].id, conversationId);
    assert.equal(req.body.messages[0].id, messageId);
    assert.equal(req.body.evaluations[0].id, evaluationId);
    for (const id of [conversationId, messageId, evaluationId]) assert.match(id, UUID);
    assert.ok(!Number.isNaN(Date.parse(String(req.body.messages[0].created_at))), 'created_at is stamped');
    await sdk.shutdown();
  });

  it('keeps caller-supplied ids and timestamps', async () => {
    const sdk = client();
    const id = sdk.message({
      id: 'm-1',
      conversation_id: 'c-1',
      role: 'assistant',
      created_at: '2025-01-01T00:00:00Z',
    });
    assert.equal(id, 'm-1');
    await sdk.flush();
    assert.equal(server.requests[0].body.messages[0].created_at, '2025-01-01T00:00:00Z');
    await sdk.shutdown();
  });

  it('sends a batch of flushAt records as soon as that many are queued', async () => {
    const sdk = client({ flushAt: 10 });
    for (let i = 0; i < 25; i++) sdk.message({ id: `m${i}`, conversation_id: 'c', role: 'user' });
    while (server.requests.length < 2) await delay(5);
    await delay(30);
    assert.equal(server.requests.length, 2, 'the 5 leftover records wait for a trigger');
    assert.deepEqual(
      server.requests.map((r) => r.body.messages.length),
      [10, 10],
    );
    await sdk.flush();
    assert.deepEqual(
      server.requests.map((r) => r.body.messages.length),
      [10, 10, 5],
    );
    const order = server.requests.flatMap((r) => r.body.messages.map((m) => m.id));
    assert.deepEqual(
      order,
      Array.from({ length: 25 }, (_, i) => `m${i}`),
      'batches keep enqueue order',
    );
    await sdk.shutdown();
  });

  it('sends queued records every flushIntervalMs', async () => {
    const sdk = client({ flushIntervalMs: 50 });
    sdk.message({ conversation_id: 'c', role: 'user' });
    sdk.message({ conversation_id: 'c', role: 'assistant' });
    const started = Date.now();
    while (server.requests.length < 1 && Date.now() - started < 2000) await delay(5);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].body.messages.length, 2);
    await delay(150);
    assert.equal(server.requests.length, 1, 'no empty requests on idle ticks');
    await sdk.shutdown();
  });

  it('splits batches so that no request body exceeds maxBatchBytes', async () => {
    const sdk = client({ flushAt: 1000, maxBatchBytes: 20_000 });
    const content = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) sdk.message({ conversation_id: 'c', role: 'user', content });
    await sdk.flush();
    assert.ok(server.requests.length >= 6, `${server.requests.length} requests`);
    for (const r of server.requests) assert.ok(r.bytes <= 20_000, `${r.bytes} bytes`);
    assert.equal(server.accepted.messages.length, 100);
    await sdk.shutdown();
  });

  it('never has more than one request in flight', async () => {
    server.setLatency(20);
    const sdk = client({ flushAt: 5, flushIntervalMs: 10 });
    for (let i = 0; i < 60; i++) sdk.message({ conversation_id: 'c', role: 'user' });
    await Promise.all([sdk.flush(), sdk.flush()]);
    assert.equal(server.maxConcurrent(), 1);
    assert.equal(server.accepted.messages.length, 60);
    await sdk.shutdown();
  });

  it('flush() with nothing queued sends nothing', async () => {
    const sdk = client();
    await sdk.flush();
    await sdk.shutdown();
    assert.equal(server.requests.length, 0);
  });
});

describe('client-side validation', () => {
  let server: FakeIngestServer;
  before(async () => {
    server = await startFakeIngestServer();
  });
  after(() => server.close());

  it('throws InvalidRecordError at the call site and keeps the bad record out of the batch', async () => {
    const sdk = new LLMAnalytics({ baseUrl: server.url, apiKey: 'key', flushIntervalMs: 60_000 });
    sdk.message({ id: 'ok-1', conversation_id: 'c', role: 'user' });
    assert.throws(
      () => sdk.evaluation({ message_id: 'ok-1', rating: 7 }),
      (e: unknown) =>
        e instanceof InvalidRecordError && e.issues[0].path === 'rating' && /rating/.test(e.message),
    );
    assert.throws(
      // @ts-expect-error an unknown role is a type error too
      () => sdk.message({ conversation_id: 'c', role: 'robot' }),
      InvalidRecordError,
    );
    assert.throws(
      () => sdk.message({ conversation_id: 'c', role: 'user', input_tokens: -1 }),
      InvalidRecordError,
    );
    assert.equal(sdk.buffered, 1);
    await sdk.flush();
    assert.equal(server.requests.length, 1);
    assert.deepEqual(
      server.requests[0].body.messages.map((m) => m.id),
      ['ok-1'],
    );
    assert.equal(server.requests[0].body.evaluations.length, 0);
    await sdk.shutdown();
  });

  it('rejects bad options with a TypeError', () => {
    assert.throws(() => new LLMAnalytics({ baseUrl: 'localhost:3000', apiKey: 'k' }), TypeError);
    assert.throws(() => new LLMAnalytics({ baseUrl: server.url, apiKey: '' }), TypeError);
    assert.throws(() => new LLMAnalytics({ baseUrl: server.url, apiKey: 'k', flushAt: 0 }), TypeError);
    assert.throws(() => new LLMAnalytics({ baseUrl: server.url, apiKey: 'k', flushAt: 20_001 }), TypeError);
  });
});
