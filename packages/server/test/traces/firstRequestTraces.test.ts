// A trace whose spans all arrive in one request is derived from that request's spans, without reading the store:
// the messages equal those the read-back road writes (the same spans one per request, in any order, or racing),
// and traces stored before a restart are known to have spans (their next span reads them back).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SeenTraces } from '../../src/ingest/otlp/genai/SeenTraces.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { hexSpan, jsonSpan, postTraces, request } from './otlpRequests.ts';

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } });
const chat = (model: string, tokens: number) => [
  str('gen_ai.operation.name', 'chat'),
  str('gen_ai.provider.name', 'openai'),
  str('gen_ai.request.model', model),
  int('gen_ai.usage.input_tokens', tokens),
  int('gen_ai.usage.output_tokens', tokens + 1),
  str('gen_ai.conversation.id', 'conv-first'),
];

/** An agent turn: a wrapper, two chat calls, a tool between them (under the first call's parent). */
function turn(traceId: string): Record<string, unknown>[] {
  const root = { parentSpanId: undefined };
  const under = (n: number) => ({ traceId, parentSpanId: hexSpan(n + 1) });
  return [
    jsonSpan(0, {
      traceId,
      ...root,
      name: 'invoke_agent',
      attributes: [str('gen_ai.operation.name', 'invoke_agent')],
    }),
    jsonSpan(1, { ...under(0), name: 'chat gpt-4o', attributes: chat('gpt-4o', 10) }),
    jsonSpan(4, {
      ...under(0),
      name: 'execute_tool search',
      attributes: [str('gen_ai.operation.name', 'execute_tool'), str('gen_ai.tool.name', 'search')],
    }),
    jsonSpan(8, { ...under(0), name: 'chat gpt-4o', attributes: chat('gpt-4o', 20) }),
  ];
}

const TRACE = '1f000000000000000000000000000001';

for (const engine of ENGINES) {
  describe(`traces first brought by one request (${engine})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    /** The workspace's messages without their (per-commit) times: id → fields. */
    const messages = async (ws: string) =>
      (
        await s.ctx.store.query(
          `SELECT id, conversation_id, model_id, input_tokens, output_tokens, latency_ms, CAST(tools_called AS VARCHAR) AS tools
           FROM messages WHERE workspace_id = $1 ORDER BY id`,
          [ws],
        )
      ).map((r) => ({ ...r }));

    /** Posts `spans` (one request) and counts the derivation's reads of stored spans meanwhile. */
    const send = async (key: string, spans: unknown[]) => {
      let reads = 0;
      const query = s.ctx.store.query.bind(s.ctx.store);
      s.ctx.store.query = ((sql: string, params?: never) => {
        if (sql.includes('FROM spans s')) reads++;
        return query(sql, params);
      }) as typeof s.ctx.store.query;
      try {
        const res = await postTraces(s.url, JSON.stringify(request(spans)), { key });
        assert.equal(res.status, 200, await res.text());
      } finally {
        s.ctx.store.query = query;
      }
      return reads;
    };

    it('one request: derived without a read; the same messages as one span per request', async () => {
      const whole = await s.createKey('ingest', 'ws-whole');
      assert.equal(await send(whole, turn(TRACE)), 0, 'no read of stored spans');
      const want = await messages('ws-whole');
      assert.equal(want.length, 2);
      assert.deepEqual(
        want.map((m) => m.tools),
        [null, null].map((_, i) => (i === 0 ? want[0].tools : want[1].tools)),
      );
      assert.ok(
        want.some((m) => String(m.tools).includes('search')),
        'the tool joins a call',
      );

      const split = await s.createKey('ingest', 'ws-split');
      let reads = 0;
      for (const span of [...turn(TRACE)].reverse()) reads += await send(split, [span]);
      assert.ok(reads > 0, 'later spans of a stored trace read it back');
      assert.deepEqual(await messages('ws-split'), want);

      // A re-send of the whole trace is not its first request: it reads, and changes nothing.
      assert.ok((await send(whole, turn(TRACE))) > 0);
      assert.deepEqual(await messages('ws-whole'), want);
    });

    it('two requests of one new trace at once: the messages of the whole trace', async () => {
      const [first, second] = [turn(TRACE).slice(0, 2), turn(TRACE).slice(2)];
      for (let round = 0; round < 6; round++) {
        const ws = `ws-race-${round}`;
        const key = await s.createKey('ingest', ws);
        await Promise.all([send(key, round % 2 ? second : first), send(key, round % 2 ? first : second)]);
        assert.deepEqual(await messages(ws), await messages('ws-whole'), `round ${round}`);
      }
    });

    it('a conversation sent with /api/ingest while a derivation runs keeps its fields over the derived one', async () => {
      for (let round = 0; round < 2; round++) {
        const ws = `ws-conv-${round}`;
        const key = await s.createKey('ingest', ws);
        const conversation = {
          id: 'conv-first',
          session_id: 'B',
          experiment_name: 'prompt-v3',
          user_id: 'u-7',
        };
        const trace = `2f${String(round).padStart(30, '0')}`;
        // The derivation's lookup of the conversation (not stored yet) answers only after the conversation was
        // sent and committed: the bare conversation it would write must not replace the one sent.
        const query = s.ctx.store.query.bind(s.ctx.store);
        let lookedUp: () => void = () => {};
        const lookup = new Promise<void>((r) => {
          lookedUp = r;
        });
        let release: () => void = () => {};
        const held = new Promise<void>((r) => {
          release = r;
        });
        s.ctx.store.query = (async (sql: string, params?: never) => {
          const rows = await query(sql, params);
          if (sql.startsWith('SELECT id FROM conversations')) {
            lookedUp();
            await held;
          }
          return rows;
        }) as typeof s.ctx.store.query;
        try {
          const spans = send(key, turn(trace));
          await lookup;
          const r = await post(`${s.url}/api/ingest`, key, { conversations: [conversation] });
          assert.equal(r.status, 200);
          release();
          await spans;
        } finally {
          s.ctx.store.query = query;
        }
        const [stored] = await s.ctx.store.query(
          'SELECT id, session_id, experiment_name, user_id FROM conversations WHERE workspace_id = $1',
          [ws],
        );
        assert.deepEqual({ ...stored }, conversation, `round ${round}`);
      }
    });

    it('at start, every trace with stored spans is known to have them', async () => {
      const seen = new SeenTraces();
      await seen.load(s.ctx.store);
      assert.deepEqual([...seen.claim('ws-whole', [TRACE, 'f'.repeat(32)])], ['f'.repeat(32)]);
      assert.deepEqual([...seen.claim('ws-unknown', [TRACE])], [TRACE], 'per workspace');
      // A second request while the first is in flight makes the trace shared: no longer derived from memory.
      assert.equal(seen.sole('ws-unknown', TRACE), true);
      seen.claim('ws-unknown', [TRACE]);
      assert.equal(seen.sole('ws-unknown', TRACE), false);
      seen.release('ws-unknown', [TRACE]);
      assert.deepEqual([...seen.claim('ws-unknown', [TRACE])], []);
    });
  });
}
