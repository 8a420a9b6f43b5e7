// Tests how spans are sent, against the real server on both engines: batches by flushAt beside records, 503
// retries stored once, a rejected key, and shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../../server/test/helpers/engines.ts';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer.ts';
import { spanCount } from '../../server/test/traces/storedSpans.ts';
import { ClientClosedError, IngestError, LLMAnalytics } from '../src/index.ts';
import { recordingFetch, spanClient, storedRows } from './helpers/traceClient.ts';

for (const engine of ENGINES) {
  describe(`sending spans to the real server on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('batches spans by flushAt beside records, each to its own endpoint', async () => {
      const { impl, traces, ingest } = recordingFetch();
      const sdk = await spanClient(s, 'batches', { fetch: impl, flushAt: 500 });
      for (let i = 0; i < 1200; i++) sdk.trace(`t${i}`, (span) => span.setAttributes({ i }));
      sdk.message({ conversation_id: 'c-1', role: 'user', content: 'hi' });
      await sdk.flush();
      assert.deepEqual(
        traces.map((b) => JSON.parse(b).resourceSpans[0].scopeSpans[0].spans.length),
        [500, 500, 200],
      );
      assert.equal(ingest.length, 1);
      assert.equal(await spanCount(s, 'batches'), 1200);
      assert.equal(await s.count('messages', 'batches'), 1);
      const rows = await storedRows(s, 'batches');
      assert.deepEqual(
        rows.map((r) => r.attributes.i).sort((a, b) => Number(a) - Number(b)),
        Array.from({ length: 1200 }, (_, i) => i),
      );
      await sdk.shutdown();
    });

    it('retries a 503, before and after the server committed, and stores each span once', async () => {
      const { impl, traces } = recordingFetch('refuse-503', 'commit-then-503');
      const sdk = await spanClient(s, 'retried', { fetch: impl });
      for (let i = 0; i < 20; i++) sdk.trace(`r${i}`, (root) => root.span('child', () => {}));
      await sdk.flush();
      assert.equal(traces.length, 3, 'two 503s, then the acknowledgement');
      assert.equal(new Set(traces).size, 1, 'every attempt carries the same spans and ids');
      assert.equal(await spanCount(s, 'retried'), 40);
      await sdk.shutdown();
    });

    it('a rejected key fails flush() with the 401, not retried', async () => {
      const { impl, traces } = recordingFetch();
      const sdk = new LLMAnalytics({
        baseUrl: s.url,
        apiKey: 'not-a-key',
        flushIntervalMs: 60_000,
        fetch: impl,
      });
      sdk.trace('t', () => {});
      await assert.rejects(sdk.flush(), (e: unknown) => e instanceof IngestError && e.status === 401);
      assert.equal(traces.length, 1);
      await sdk.shutdown();
    });

    it('shutdown() sends the ended spans; later spans are refused or reported, never sent', async () => {
      const errors: Error[] = [];
      const sdk = await spanClient(s, 'shutdown', { onError: (e) => errors.push(e) });
      let release = () => {};
      const running = sdk.trace('still running', () => new Promise<void>((r) => (release = r)));
      sdk.trace('ended', () => {});
      await sdk.shutdown();
      assert.deepEqual(
        (await storedRows(s, 'shutdown')).map((r) => r.name),
        ['ended'],
      );
      assert.throws(() => sdk.trace('after', () => {}), ClientClosedError);
      assert.throws(() => sdk.span('after', () => {}), ClientClosedError);
      release();
      await running;
      assert.equal(errors.length, 1);
      assert.ok(errors[0] instanceof ClientClosedError, 'the span that ended after shutdown went to onError');
      assert.equal(await spanCount(s, 'shutdown'), 1);
    });
  });
}
