// Tests retries against a real local HTTP server: 503, 429 + Retry-After, network errors, timeouts, no retry on 4xx.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { IngestError, LLMAnalytics, type LLMAnalyticsOptions } from '../src/index.ts';
import { type FakeIngestServer, startFakeIngestServer } from './helpers/fakeIngestServer.ts';
import { testClient } from './helpers/testClient.ts';

describe('retries', () => {
  let server: FakeIngestServer;
  beforeEach(async () => {
    server = await startFakeIngestServer();
  });
  afterEach(() => server.close());

  const client = (extra: Partial<LLMAnalyticsOptions> = {}) =>
    testClient(server.url, { retryMaxMs: 20, ...extra });

  const rejection = async (p: Promise<unknown>): Promise<IngestError> => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
      return e;
    }
    assert.fail('expected a rejection');
  };

  it('retries 503 and re-sends the identical body (same ids)', async () => {
    server.plan({ status: 503 }, { status: 502 });
    const sdk = client();
    for (let i = 0; i < 3; i++) sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.flush();
    assert.equal(server.requests.length, 3);
    const bodies = server.requests.map((r) => JSON.stringify(r.body));
    assert.equal(new Set(bodies).size, 1, 'every attempt carries the same records and ids');
    assert.equal(server.accepted.messages.length, 3);
    await sdk.shutdown();
  });

  it('retries 429 after the Retry-After seconds', async () => {
    server.plan({ status: 429, headers: { 'retry-after': '1' } });
    const sdk = client();
    sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.flush();
    assert.equal(server.requests.length, 2);
    const waited = server.requests[1].at - server.requests[0].at;
    assert.ok(waited >= 950, `waited ${waited} ms`);
    await sdk.shutdown();
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    server.plan({ status: 429, headers: { 'retry-after': at.toUTCString() } });
    const sdk = client();
    sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.flush();
    assert.equal(server.requests.length, 2);
    assert.ok(server.requests[1].at >= at.getTime() - 50, 'second attempt not before the date');
    await sdk.shutdown();
  });

  it('retries a network error (connection reset)', async () => {
    server.plan('reset', 'reset');
    const sdk = client();
    sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.flush();
    assert.equal(server.requests.length, 3);
    assert.equal(server.accepted.messages.length, 1);
    await sdk.shutdown();
  });

  it('retries a request that times out', async () => {
    server.plan('hang');
    // Long enough that the retry, which the server answers at once, never times out on a loaded machine.
    const sdk = client({ timeoutMs: 500 });
    sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.flush();
    assert.equal(server.requests.length, 2);
    assert.equal(server.accepted.messages.length, 1);
    await sdk.shutdown();
  });

  it('does not retry a 400; rejects with the server error and drops the batch', async () => {
    server.plan({
      status: 400,
      body: {
        error: {
          code: 'invalid_batch',
          message: 'messages[0].role: invalid',
          issues: [{ path: 'messages[0].role', message: 'invalid' }],
        },
      },
    });
    const sdk = client();
    sdk.message({ conversation_id: 'c', role: 'user' });
    const error = await rejection(sdk.flush());
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_batch');
    assert.equal(error.message, 'messages[0].role: invalid');
    assert.deepEqual(error.issues, [{ path: 'messages[0].role', message: 'invalid' }]);
    assert.equal(error.attempts, 1);
    assert.equal(error.retryable, false);
    assert.equal(error.items, 1);
    assert.equal(server.requests.length, 1);
    assert.equal(sdk.buffered, 0, 'the rejected batch is dropped');
    await sdk.flush();
    assert.equal(server.requests.length, 1, 'and not re-sent');
    await sdk.shutdown();
  });

  it('does not retry 401, 403 or 413', async () => {
    for (const status of [401, 403, 413]) {
      server.plan({ status });
      const sdk = client();
      sdk.message({ conversation_id: 'c', role: 'user' });
      const error = await rejection(sdk.flush());
      assert.equal(error.status, status);
      assert.equal(error.attempts, 1);
      await sdk.shutdown();
    }
    assert.equal(server.requests.length, 3);
  });

  it('gives up after maxRetries retries and drops the batch', async () => {
    server.plan(...Array.from({ length: 10 }, () => ({ status: 500 })));
    const sdk = client({ maxRetries: 2 });
    sdk.message({ conversation_id: 'c', role: 'user' });
    const error = await rejection(sdk.flush());
    assert.equal(error.status, 500);
    assert.equal(error.attempts, 3);
    assert.equal(error.retryable, true);
    assert.match(error.message, /gave up after 3 attempts/);
    assert.equal(server.requests.length, 3);
    assert.equal(sdk.buffered, 0);
    await sdk.shutdown();
  });

  it('reports a failed background send through onError', async () => {
    const errors: Error[] = [];
    server.plan({ status: 400 });
    const sdk = client({ flushAt: 2, onError: (e) => errors.push(e) });
    sdk.message({ conversation_id: 'c', role: 'user' });
    sdk.message({ conversation_id: 'c', role: 'user' });
    while (errors.length === 0) await delay(5);
    assert.ok(errors[0] instanceof IngestError);
    assert.equal((errors[0] as IngestError).status, 400);
    await sdk.shutdown();
  });

  it('network error with no server at all: rejects with code network_error after the retries', async () => {
    const url = server.url;
    await server.close();
    const sdk = new LLMAnalytics({
      baseUrl: url,
      apiKey: 'key',
      maxRetries: 1,
      retryBaseMs: 1,
      flushIntervalMs: 60_000,
    });
    sdk.message({ conversation_id: 'c', role: 'user' });
    const error = await rejection(sdk.flush());
    assert.equal(error.status, null);
    assert.equal(error.code, 'network_error');
    assert.equal(error.attempts, 2);
    server = await startFakeIngestServer(); // for afterEach
  });
});
