// Tests the client's lifecycle against a real local HTTP server: bounded queue, flush semantics, shutdown.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ClientClosedError, IngestError, type LLMAnalyticsOptions, QueueFullError } from '../src/index.ts';
import { type FakeIngestServer, startFakeIngestServer } from './helpers/fakeIngestServer.ts';
import { testClient } from './helpers/testClient.ts';

describe('lifecycle', () => {
  let server: FakeIngestServer;
  beforeEach(async () => {
    server = await startFakeIngestServer();
  });
  afterEach(() => server.close());

  const client = (extra: Partial<LLMAnalyticsOptions> = {}) => testClient(server.url, { ...extra });

  it('throws QueueFullError beyond maxQueueSize and accepts records again once sent', async () => {
    const sdk = client({ maxQueueSize: 5, flushAt: 100 });
    for (let i = 0; i < 5; i++) sdk.message({ conversation_id: 'c', role: 'user' });
    assert.throws(
      () => sdk.message({ conversation_id: 'c', role: 'user' }),
      (e: unknown) => e instanceof QueueFullError && e.maxQueueSize === 5 && /queue is full/.test(e.message),
    );
    assert.equal(sdk.buffered, 5);
    await sdk.flush();
    assert.equal(sdk.buffered, 0);
    sdk.message({ conversation_id: 'c', role: 'user' });
    await sdk.shutdown();
    assert.equal(server.accepted.messages.length, 6);
  });

  it('counts records in flight against maxQueueSize', async () => {
    server.setLatency(200);
    const sdk = client({ maxQueueSize: 4, flushAt: 2 });
    for (let i = 0; i < 4; i++) sdk.message({ conversation_id: 'c', role: 'user' });
    await delay(50); // first batch is now in flight
    assert.throws(() => sdk.message({ conversation_id: 'c', role: 'user' }), QueueFullError);
    await sdk.shutdown();
    assert.equal(server.accepted.messages.length, 4);
  });

  it('flush() waits for a background batch already in flight', async () => {
    server.setLatency(150);
    const sdk = client({ flushAt: 3 });
    for (let i = 0; i < 3; i++) sdk.message({ conversation_id: 'c', role: 'user' });
    await delay(20); // the size-triggered batch has been taken off the queue
    assert.equal(sdk.buffered, 3);
    await sdk.flush();
    assert.equal(server.accepted.messages.length, 3, 'resolved only after the server acknowledged');
    await sdk.shutdown();
  });

  it('flush() rejects when an in-flight background batch holding its records is dropped', async () => {
    const errors: Error[] = [];
    server.plan({ status: 422 });
    const sdk = client({ flushAt: 2, onError: (e) => errors.push(e) });
    sdk.message({ conversation_id: 'c', role: 'user' });
    sdk.message({ conversation_id: 'c', role: 'user' });
    await assert.rejects(sdk.flush(), IngestError);
    assert.equal(errors.length, 1, 'the background job also reported it');
    await sdk.shutdown();
  });

  it('flush() stops at a dropped batch and leaves later records queued', async () => {
    server.plan({ status: 400 });
    // maxBatchBytes forces one record per request
    const sdk = client({ flushAt: 100, maxBatchBytes: 1024 });
    const content = 'x'.repeat(700);
    for (const id of ['m1', 'm2', 'm3']) sdk.message({ id, conversation_id: 'c', role: 'user', content });
    await assert.rejects(sdk.flush(), IngestError);
    assert.equal(server.requests.length, 1);
    assert.equal(sdk.buffered, 2, 'm2 and m3 are still queued');
    await sdk.flush();
    assert.deepEqual(
      server.accepted.messages.map((m) => m.id),
      ['m2', 'm3'],
    );
    await sdk.shutdown();
  });

  it('shutdown() sends everything, stops the timer, and refuses new records', async () => {
    const sdk = client({ flushAt: 10, flushIntervalMs: 20 });
    for (let i = 0; i < 25; i++) sdk.evaluation({ message_id: `m${i}`, rating: 4 });
    await sdk.shutdown();
    assert.equal(server.accepted.evaluations.length, 25);
    assert.throws(() => sdk.evaluation({ message_id: 'm', rating: 4 }), ClientClosedError);
    const sent = server.requests.length;
    await delay(60);
    assert.equal(server.requests.length, sent, 'no tick after shutdown');
    await sdk.shutdown(); // idempotent
  });

  it('shutdown() attempts every batch and rejects with the first failure', async () => {
    const errors: Error[] = [];
    server.plan({ status: 400 }, { status: 400 });
    const sdk = client({ flushAt: 2, onError: (e) => errors.push(e) });
    for (let i = 0; i < 6; i++) sdk.message({ id: `m${i}`, conversation_id: 'c', role: 'user' });
    await assert.rejects(sdk.shutdown(), IngestError);
    assert.equal(server.requests.length, 3, 'all three batches were tried');
    assert.equal(sdk.buffered, 0);
    assert.deepEqual(
      server.accepted.messages.map((m) => m.id),
      ['m4', 'm5'],
    );
  });

  it('the interval timer does not keep the process alive', () => {
    const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = `import { LLMAnalytics } from ${JSON.stringify(index)};
      const sdk = new LLMAnalytics({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', flushIntervalMs: 100000 });
      sdk.message({ conversation_id: 'c', role: 'user' });`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 15_000,
    });
    assert.equal(r.status, 0, r.stderr.toString());
  });
});
