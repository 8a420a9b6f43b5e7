// Crash safety: kill -9 the server during sustained ingest (re-sends included), restart on the same file,
// and every acknowledged message id, and every acknowledged span (POST /v1/traces) with the message of each
// LLM span, is present exactly once. Rounds repeat so a kill lands mid-commit and
// mid-checkpoint; the schema keeps index and DDL entries out of the WAL (see store/migrations.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnServer } from '../../bench/spawnServer.ts';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { jsonSpan, protobufBody, request } from '../traces/otlpRequests.ts';

const KEY = 'crash-test-key-0123456789abcdefghijklmnop';
const ROUNDS = 3;
const BATCH = 400;

function batch(round: number, n: number) {
  return {
    conversations: [{ id: `r${round}-c${n}`, session_id: 'crash' }],
    messages: Array.from({ length: BATCH }, (_, i) => ({
      id: `r${round}-b${n}-m${i}`,
      conversation_id: `r${round}-c${n}`,
      role: 'assistant',
      content: 'some content to give the WAL real pages to write',
      latency_ms: i,
      tools_called: i % 5 ? undefined : [{ name: 'search', success: true }],
    })),
    evaluations: [{ id: `r${round}-b${n}-e`, message_id: `r${round}-b${n}-m0`, rating: 4 }],
  };
}

/** A request of BATCH spans in a trace of its own (round and batch number), as OTLP protobuf; every tenth
 *  span is an LLM call (GenAI attributes), so its message is written before the ack too. */
function spanBatch(round: number, n: number) {
  const traceId = (round * 1_000_000 + n + 1).toString(16).padStart(32, '0');
  const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
  const spans = Array.from({ length: BATCH }, (_, i) =>
    jsonSpan(i, {
      traceId,
      attributes: [
        str('k', 'a value for the WAL'),
        ...(i % 10 ? [] : [str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', 'gpt-4o')]),
      ],
    }),
  );
  return {
    keys: spans.map((sp) => `${traceId}:${sp.spanId}`),
    messages: spans.filter((_, i) => i % 10 === 0).map((sp) => `${traceId}-${sp.spanId}`),
    body: protobufBody(request(spans)),
  };
}

// The spans are stamped 2026-01-01: the retention job (which the server runs at start) must keep them.
const SERVER_ENV = { LLM_ANALYTICS_INIT_API_KEY: KEY, TRACE_RETENTION_DAYS: '0' };

describe('crash safety (kill -9 during ingest)', () => {
  const dir = tempDir('lla-crash');

  it(`keeps every acknowledged id exactly once over ${ROUNDS} kill -9 rounds`, {
    timeout: 180_000,
  }, async () => {
    const acked = new Set<string>();
    const ackedSpans = new Set<string>();
    const port = 4300 + (process.pid % 500);
    for (let round = 0; round < ROUNDS; round++) {
      const server = await spawnServer({ dataDir: dir, port, env: SERVER_ENV });
      let next = 0;
      let stop = false;
      const sendOne = async (n: number) => {
        const b = batch(round, n);
        const res = await fetch(`${server.url}/api/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
          body: JSON.stringify(b),
        });
        if (res.status === 200) for (const m of b.messages) acked.add(m.id);
        else if (res.status !== 503) assert.fail(`unexpected status ${res.status}`);
      };
      // A fifth client exports spans, re-sending every third request too.
      let nextSpans = 0;
      const spanClient = (async () => {
        while (!stop) {
          const n = nextSpans > 3 && nextSpans % 3 === 0 ? nextSpans - 3 : nextSpans++;
          const b = spanBatch(round, n);
          try {
            const res = await fetch(`${server.url}/v1/traces`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${KEY}` },
              body: new Uint8Array(b.body),
            });
            await res.arrayBuffer();
            if (res.status === 200) {
              for (const k of b.keys) ackedSpans.add(k);
              for (const id of b.messages) acked.add(id);
            } else if (res.status !== 503) assert.fail(`unexpected status ${res.status}`);
          } catch {
            stop = true;
          }
        }
      })();
      const clients = Array.from({ length: 4 }, async (_, c) => {
        while (!stop) {
          // Every third request re-sends an earlier batch: the delete-then-insert path must survive a kill too.
          const n = c === 0 && next > 3 && next % 3 === 0 ? next - 3 : next++;
          await sendOne(n).catch(() => {
            stop = true; // connection reset: the server is gone
          });
        }
      });
      await new Promise((r) => setTimeout(r, 1500 + round * 700));
      const killed = server.stop('SIGKILL');
      stop = true;
      await Promise.all([killed, spanClient, ...clients]);
    }
    // Restart once more through the real server (WAL replay), then stop it cleanly and inspect the file.
    const server = await spawnServer({ dataDir: dir, port, env: SERVER_ENV });
    assert.equal(await server.stop('SIGTERM'), 0);
    const store = await DuckDBStore.open(join(dir, 'llm-analytics.duckdb'));
    try {
      const dupes = await store.query(
        'SELECT id, count(*) AS n FROM messages GROUP BY id HAVING count(*) > 1 LIMIT 5',
      );
      assert.deepEqual(dupes, [], 'no message id may be stored twice');
      const ids = new Set(
        (await store.query<{ id: string }>("SELECT id FROM messages WHERE workspace_id = 'default'")).map(
          (r) => r.id,
        ),
      );
      const missing = [...acked].filter((id) => !ids.has(id));
      assert.ok(acked.size > BATCH * 4, `the test must acknowledge real traffic (got ${acked.size})`);
      assert.deepEqual(missing.slice(0, 5), [], `${missing.length} acknowledged ids are missing`);
      assert.ok(
        [...acked].some((id) => id.includes('-')),
        'the test must acknowledge LLM spans too',
      );
      const toolDupes = await store.query(
        'SELECT message_id, name, count(*) AS n FROM tool_calls GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 5',
      );
      assert.deepEqual(toolDupes, []);
      const spanDupes = await store.query(
        'SELECT trace_id, span_id, count(*) AS n FROM spans GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 5',
      );
      assert.deepEqual(spanDupes, [], 'no span may be stored twice');
      const spans = new Set(
        (
          await store.query<{ k: string }>(
            "SELECT trace_id || ':' || span_id AS k FROM spans WHERE workspace_id = 'default'",
          )
        ).map((r) => r.k),
      );
      const missingSpans = [...ackedSpans].filter((k) => !spans.has(k));
      assert.ok(ackedSpans.size > BATCH * 4, `the test must acknowledge real spans (got ${ackedSpans.size})`);
      assert.deepEqual(missingSpans.slice(0, 5), [], `${missingSpans.length} acknowledged spans are missing`);
    } finally {
      await store.close();
    }
  });
});
