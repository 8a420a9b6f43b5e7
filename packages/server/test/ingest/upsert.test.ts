// Upsert by id, out-of-order arrival and tool-call replacement, on every store engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

function batch(n: number, prefix: string) {
  return {
    models: [{ model_id: `${prefix}-model`, provider: 'openai', training_method: 'base' as const }],
    conversations: Array.from({ length: n / 2 }, (_, i) => ({ id: `${prefix}-c${i}`, session_id: 'A' })),
    messages: Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-m${i}`,
      conversation_id: `${prefix}-c${i >> 1}`,
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      latency_ms: 100 + i,
      tools_called: i % 2 ? [{ name: 'search', success: i % 3 !== 0 }] : undefined,
    })),
    evaluations: Array.from({ length: n / 2 }, (_, i) => ({
      id: `${prefix}-e${i}`,
      message_id: `${prefix}-m${2 * i + 1}`,
      rating: 1 + (i % 5),
      success: i % 2 === 0,
      failure_tags: i % 2 ? ['hallucination'] : [],
    })),
  };
}

for (const engine of ENGINES) {
  describe(`ingest upsert on ${engine}`, () => {
    let s: TestServer;
    const send = (b: unknown) => post(`${s.url}/api/ingest`, s.adminKey, b);
    const counts = async () => ({
      models: await s.count('models'),
      conversations: await s.count('conversations'),
      messages: await s.count('messages'),
      evaluations: await s.count('evaluations'),
      tool_calls: await s.count('tool_calls'),
    });
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('a re-sent batch leaves every count unchanged', async () => {
      const b = batch(200, 'r');
      assert.equal((await send(b)).status, 200);
      const first = await counts();
      assert.deepEqual(first, {
        models: 1,
        conversations: 100,
        messages: 200,
        evaluations: 100,
        tool_calls: 100,
      });
      assert.equal((await send(b)).status, 200);
      assert.deepEqual(await counts(), first);
    });

    it('concurrent duplicates of one batch never double (same commit group)', async () => {
      const b = batch(50, 'dup');
      const before = await counts();
      const replies = await Promise.all([send(b), send(b), send(b)]);
      for (const r of replies) assert.equal(r.status, 200);
      const now = await counts();
      assert.equal(now.messages - before.messages, 50);
      assert.equal(now.evaluations - before.evaluations, 25);
      assert.equal(now.tool_calls - before.tool_calls, 25);
    });

    it('re-sending a record replaces its fields and its tool calls', async () => {
      await send({
        messages: [
          {
            id: 'x1',
            conversation_id: 'cx',
            role: 'assistant',
            latency_ms: 10,
            tools_called: [{ name: 'a' }, { name: 'b' }],
          },
        ],
      });
      await send({
        messages: [
          {
            id: 'x1',
            conversation_id: 'cx',
            role: 'assistant',
            latency_ms: 99,
            tools_called: [{ name: 'c' }],
          },
        ],
      });
      const rows = await s.ctx.store.query<{ latency_ms: number }>(
        "SELECT latency_ms FROM messages WHERE workspace_id = 'default' AND id = 'x1'",
      );
      assert.deepEqual(
        rows.map((r) => r.latency_ms),
        [99],
      );
      const tools = await s.ctx.store.query<{ name: string }>(
        "SELECT name FROM tool_calls WHERE workspace_id = 'default' AND message_id = 'x1'",
      );
      assert.deepEqual(
        tools.map((t) => t.name),
        ['c'],
      );
      await send({ evaluations: [{ id: 'ex', message_id: 'x1', rating: 2, failure_tags: ['a', 'b'] }] });
      await send({ evaluations: [{ id: 'ex', message_id: 'x1', rating: 5, failure_tags: ['c'] }] });
      const evs = await s.ctx.store.query(
        "SELECT rating, failure_tags FROM evaluations WHERE workspace_id = 'default' AND id = 'ex'",
      );
      assert.deepEqual(evs, [{ rating: 5, failure_tags: ['c'] }]);
    });

    it('accepts out-of-order arrival: evaluation before message before conversation and model', async () => {
      assert.equal(
        (await send({ evaluations: [{ id: 'oo-e', message_id: 'oo-m', rating: 3 }] })).status,
        200,
      );
      assert.equal(
        (
          await send({
            messages: [{ id: 'oo-m', conversation_id: 'oo-c', role: 'assistant', model_id: 'oo-model' }],
          })
        ).status,
        200,
      );
      assert.equal((await send({ conversations: [{ id: 'oo-c', experiment_name: 'late' }] })).status, 200);
      assert.equal(
        (await send({ models: [{ model_id: 'oo-model', training_method: 'sft', base_model: 'x' }] })).status,
        200,
      );
      const joined = await s.ctx.store.query(
        `SELECT e.rating, c.experiment_name, mo.training_method FROM evaluations e
         JOIN messages m ON m.workspace_id = e.workspace_id AND m.id = e.message_id
         JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
         JOIN models mo ON mo.workspace_id = m.workspace_id AND mo.model_id = m.model_id
         WHERE e.workspace_id = 'default' AND e.id = 'oo-e'`,
      );
      assert.deepEqual(joined, [{ rating: 3, experiment_name: 'late', training_method: 'sft' }]);
    });

    it('stores timestamps in UTC exactly as sent', async () => {
      await send({
        messages: [
          { id: 'tz', conversation_id: 'c', role: 'user', created_at: '2026-03-01T23:30:00.250+02:00' },
        ],
      });
      const [r] = await s.ctx.store.query(
        "SELECT created_at FROM messages WHERE workspace_id = 'default' AND id = 'tz'",
      );
      assert.equal(r.created_at, '2026-03-01T21:30:00.250Z');
    });
  });
}
