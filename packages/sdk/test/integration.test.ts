// Tests the SDK against the real product server (Fastify + fresh DuckDB): batching, idempotent retries, 400 and 401.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer.ts';
import { IngestError, LLMAnalytics, type NewEvaluation, type NewMessage } from '../src/index.ts';

const MESSAGES = 2500;

describe('SDK against the real server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** A fetch that counts requests and can lose the first N responses after the server has processed them. */
  function recordingFetch(loseResponses = 0) {
    const sent: number[] = [];
    let toLose = loseResponses;
    const impl: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)).messages.length);
      const response = await fetch(input, init);
      if (toLose > 0 && response.ok) {
        toLose--;
        await response.arrayBuffer();
        throw new TypeError('fetch failed (response lost after the server committed)');
      }
      return response;
    };
    return { impl, sent };
  }

  const messages: NewMessage[] = [];
  const evaluations: NewEvaluation[] = [];

  it('sends 2,500 messages and evaluations in batches of flushAt and the counts match', async () => {
    const { impl, sent } = recordingFetch();
    const sdk = new LLMAnalytics({
      baseUrl: server.url,
      apiKey: server.adminKey,
      flushAt: 1000,
      fetch: impl,
    });
    sdk.model({ model_id: 'llama-3-8b', provider: 'runpod', training_method: 'base' });
    sdk.model({
      model_id: 'llama-3-8b-dpo',
      provider: 'runpod',
      training_method: 'dpo',
      base_model: 'llama-3-8b',
    });
    const conversations = Array.from({ length: 50 }, (_, i) =>
      sdk.conversation({ user_id: `u${i}`, session_id: `s${i % 3}`, experiment_name: 'exp' }),
    );
    for (let i = 0; i < MESSAGES; i++) {
      const message: NewMessage = {
        conversation_id: conversations[i % conversations.length],
        role: i % 2 ? 'assistant' : 'user',
        content: `message ${i}`,
        model_id: i % 3 ? 'llama-3-8b' : 'llama-3-8b-dpo',
        input_tokens: 100 + i,
        output_tokens: 50,
        latency_ms: 300 + (i % 700),
      };
      message.id = sdk.message(message);
      messages.push(message);
      const evaluation: NewEvaluation = { message_id: message.id, rating: 1 + (i % 5), success: i % 4 !== 0 };
      evaluation.id = sdk.evaluation(evaluation);
      evaluations.push(evaluation);
    }
    await sdk.flush();
    assert.equal(await server.count('models'), 2);
    assert.equal(await server.count('conversations'), 50);
    assert.equal(await server.count('messages'), MESSAGES);
    assert.equal(await server.count('evaluations'), MESSAGES);
    const records = 2 + 50 + 2 * MESSAGES;
    assert.equal(sent.length, Math.ceil(records / 1000), `one request per 1,000 records, got ${sent.length}`);
    await sdk.shutdown();
  });

  it('a retry whose first response was lost does not double counts', async () => {
    const { impl, sent } = recordingFetch(2);
    const sdk = new LLMAnalytics({
      baseUrl: server.url,
      apiKey: server.adminKey,
      flushAt: 1000,
      retryBaseMs: 10,
      fetch: impl,
    });
    // re-send the same ids (what a retry does), plus 10 new messages
    for (const m of messages.slice(0, 1500)) sdk.message(m);
    for (const e of evaluations.slice(0, 500)) sdk.evaluation(e);
    for (let i = 0; i < 10; i++) sdk.message({ id: `new-${i}`, conversation_id: 'late', role: 'user' });
    await sdk.flush();
    assert.ok(sent.length >= 4, `lost responses were retried (${sent.length} requests)`);
    assert.equal(await server.count('messages'), MESSAGES + 10);
    assert.equal(await server.count('evaluations'), MESSAGES);
    await sdk.shutdown();
  });

  it('an invalid batch gets the server 400 with issues, is not retried, and writes nothing', async () => {
    const { impl, sent } = recordingFetch();
    const sdk = new LLMAnalytics({
      baseUrl: server.url,
      apiKey: server.adminKey,
      validate: false,
      fetch: impl,
    });
    sdk.message({ id: 'bad-batch-ok', conversation_id: 'c', role: 'user' });
    sdk.evaluation({ message_id: 'bad-batch-ok', rating: 7 });
    const error = await sdk.flush().then(
      () => assert.fail('expected a 400'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof IngestError, String(error));
    assert.equal(error.status, 400);
    assert.ok(error.code.length > 0);
    assert.ok(
      error.issues.some((i) => i.path === 'evaluations[0].rating'),
      JSON.stringify(error.issues),
    );
    assert.equal(sent.length, 1);
    assert.equal(
      await server.count('messages'),
      MESSAGES + 10,
      'all-or-nothing: the valid message was not written',
    );
    await sdk.shutdown();
  });

  it('sends benchmarks and their results; a re-sent result id upserts, an invalid one is refused client-side', async () => {
    const sdk = new LLMAnalytics({ baseUrl: server.url, apiKey: server.adminKey });
    // A result may arrive before its benchmark: both are stored.
    const ids = Array.from({ length: 4 }, (_, i) =>
      sdk.benchmarkResult({
        benchmark_id: 'sdk-bench',
        run_id: 'sdk-run-1',
        model_id: 'llama-3-8b',
        item_id: `q${i}`,
        passed: i % 2 === 0,
        score: i / 4,
        judge: 'judge',
        judgment: `item ${i}`,
      }),
    );
    assert.equal(sdk.benchmark({ id: 'sdk-bench', name: 'SDK bench', metric: 'accuracy' }), 'sdk-bench');
    sdk.benchmarkResult({
      id: ids[0],
      benchmark_id: 'sdk-bench',
      run_id: 'sdk-run-1',
      model_id: 'llama-3-8b',
      item_id: 'q0',
      passed: false,
    });
    assert.throws(
      () =>
        sdk.benchmarkResult({
          benchmark_id: 'b',
          run_id: 'r',
          model_id: 'm',
          item_id: 'i',
          score: Number.NaN,
        }),
      /score/,
    );
    await sdk.shutdown();
    const [row] = await server.ctx.store.query<{ n: number; passed: number }>(
      `SELECT count(*) AS n, sum(CASE WHEN passed THEN 1 ELSE 0 END) AS passed FROM benchmark_results
       WHERE workspace_id = $1 AND benchmark_id = 'sdk-bench'`,
      [server.workspaceId],
    );
    assert.deepEqual([Number(row.n), Number(row.passed)], [4, 1]);
  });

  it('a bad API key gets 401 without retries', async () => {
    const { impl, sent } = recordingFetch();
    const sdk = new LLMAnalytics({ baseUrl: server.url, apiKey: 'not-a-real-key', fetch: impl });
    sdk.message({ conversation_id: 'c', role: 'user' });
    await assert.rejects(sdk.flush(), (e: unknown) => e instanceof IngestError && e.status === 401);
    assert.equal(sent.length, 1);
    await sdk.shutdown();
  });
});
