// GET /api/events on both engines, through the real server and real HTTP streams: an ingest reaches a connected
// client as one `data` event naming its tables; resuming with Last-Event-ID (header or query) replays what was
// missed, an unknown or too-old id gets `reset`; 401 without credentials, no events of another workspace;
// heartbeats; a disconnect unsubscribes; job events; closing the server ends open streams.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataEventSchema, JobEventSchema } from '@llm-analytics/core';
import { call, userWithRole } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { SseClient } from '../helpers/SseClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const message = (id: string, conversation = 'c-live') => ({
  id,
  conversation_id: conversation,
  role: 'assistant' as const,
  created_at: new Date().toISOString(),
});

/** Waits until `check` holds (the server's state settles after a socket event); fails after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const engine of ENGINES) {
  describe(`GET /api/events on ${engine}`, () => {
    let s: TestServer;
    const open = (query = '', headers: Record<string, string> = {}) =>
      SseClient.open(`${s.url}/api/events${query}`, { authorization: `Bearer ${s.adminKey}`, ...headers });
    const ingest = async (body: unknown, key = s.adminKey) => {
      const r = await post(`${s.url}/api/ingest`, key, body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };

    before(async () => {
      s = await startTestServer({ engine, config: { eventsHeartbeatMs: 50 } });
    });
    after(() => s.close());

    it('an ingest reaches a connected client as a data event naming the tables written', async () => {
      const c = await open();
      assert.equal(c.status, 200);
      assert.match(String(c.headers['content-type']), /^text\/event-stream/);
      await c.ready();
      assert.equal(c.retry, 3000);
      await ingest({
        messages: [message('live-1'), message('live-2')],
        evaluations: [{ id: 'live-ev-1', message_id: 'live-1', rating: 4, success: true }],
      });
      const e = await c.next((x) => x.event === 'data');
      assert.ok(DataEventSchema.safeParse(e.data).success, JSON.stringify(e.data));
      assert.deepEqual(e.data.tables, ['evaluations', 'messages', 'tool_calls']);
      assert.equal(e.data.rows, 3);
      assert.match(String(e.id), /^[0-9a-f]+\.\d+$/);
      c.close();
    });

    it('resumes after Last-Event-ID (header or query) with the events missed; an unknown id gets reset', async () => {
      const first = await open();
      const resumeFrom = await first.ready();
      first.close();
      const before = s.ctx.events.lastId;
      await ingest({ messages: [message('missed-1')] });
      await until(() => s.ctx.events.lastId > before, 'published');
      // Past the coalescing interval: the second commit makes an event of its own.
      await new Promise((r) => setTimeout(r, 300));
      await ingest({ evaluations: [{ id: 'missed-ev', message_id: 'missed-1', rating: 1 }] });
      await until(() => s.ctx.events.lastId > before + 1, 'published');

      for (const c of [
        await open('', { 'last-event-id': resumeFrom }),
        await open(`?lastEventId=${encodeURIComponent(resumeFrom)}`),
      ]) {
        const second = await c.next((x) => x.event === 'data' && x.data.tables.includes('evaluations'));
        const data = c.events.filter((x) => x.event === 'data');
        assert.deepEqual(
          data.map((x) => x.data.tables),
          [['messages', 'tool_calls'], ['evaluations']],
        );
        assert.equal(second.id, c.lastId);
        assert.equal(
          c.events.some((x) => x.event === 'reset'),
          false,
        );
        c.close();
      }

      for (const id of ['nonsense', '0123abcd.1', `${resumeFrom.split('.')[0]}.999999999`]) {
        const c = await open('', { 'last-event-id': id });
        const reset = await c.next((x) => x.event === 'reset');
        assert.equal(typeof reset.data.reason, 'string');
        assert.equal(reset.id, c.lastId);
        c.close();
      }
    });

    it('an id older than the replay buffer gets reset', async () => {
      const c = await open();
      const old = await c.ready();
      c.close();
      // More events than the bus holds per workspace (1000): the client's next one is gone.
      for (let i = 0; i < 1001; i++) {
        s.ctx.events.publish(s.workspaceId, {
          type: 'job',
          data: { id: `j${i}`, kind: 'test', status: 'running', progress: 0 },
        });
      }
      const late = await open('', { 'last-event-id': old });
      await late.next((x) => x.event === 'reset');
      assert.equal(
        late.events.some((x) => x.event === 'job'),
        false,
      );
      late.close();
    });

    it('refuses a request without credentials; a stream carries its own workspace only', async () => {
      const anonymous = await SseClient.open(`${s.url}/api/events`);
      assert.equal(anonymous.status, 401);
      assert.equal(JSON.parse(anonymous.body).error.code, 'unauthenticated');

      const otherKey = await s.createKey('read', 'ws-other');
      const ingestOther = await s.createKey('ingest', 'ws-other');
      const mine = await open();
      const theirs = await SseClient.open(`${s.url}/api/events`, { authorization: `Bearer ${otherKey}` });
      // A member of ws-other by cookie, choosing it with ?workspace= (EventSource sets no headers).
      const member = await userWithRole(s, `member-${engine}@example.com`, 'viewer', 'ws-other');
      const byCookie = await SseClient.open(`${s.url}/api/events?workspace=ws-other`, {
        cookie: member.cookie,
      });
      assert.equal(byCookie.status, 200, byCookie.body);
      // Not a member of the default workspace: refused, not redirected.
      const refused = await SseClient.open(`${s.url}/api/events?workspace=${s.workspaceId}`, {
        cookie: member.cookie,
      });
      assert.equal(refused.status, 403);
      // A key naming another workspace is refused too.
      const wrongKey = await SseClient.open(`${s.url}/api/events?workspace=${s.workspaceId}`, {
        authorization: `Bearer ${otherKey}`,
      });
      assert.equal(wrongKey.status, 403);

      await ingest({ messages: [message('mine-1', 'c-mine')] });
      await mine.next((x) => x.event === 'data');
      await ingest(
        { messages: [message('theirs-1', 'c-theirs'), message('theirs-2', 'c-theirs')] },
        ingestOther,
      );
      // Events reach every stream in publish order: once the other workspace's own event is in, one of the
      // default workspace's published before it would be in too.
      for (const c of [theirs, byCookie]) {
        await c.next((x) => x.event === 'data');
        assert.deepEqual(
          c.events.map((x) => [x.event, x.data.rows]),
          [['data', 2]],
        );
      }
      for (const c of [mine, theirs, byCookie]) c.close();
    });

    it('writes heartbeat comments and unsubscribes a client that disconnects', async () => {
      // The earlier tests' clients are gone once the server has seen their sockets close.
      await until(() => s.ctx.eventStreams.connections === 0, 'rid of earlier clients');
      const base = 0;
      const c = await open();
      await until(() => c.comments >= 2, 'two heartbeats');
      assert.equal(s.ctx.eventStreams.connections, base + 1);
      c.close();
      await until(() => s.ctx.eventStreams.connections === base, 'unsubscribed');
      // Nothing holds the closed client: publishing reaches no stream of it.
      s.ctx.events.publish(s.workspaceId, { type: 'reset', data: { reason: 'test' } });
      assert.equal(s.ctx.eventStreams.connections, base);
    });

    it('publishes job events from queued through running to succeeded', async () => {
      const c = await open();
      await c.ready();
      const r = await call(s.url, 'POST', '/api/jobs/retention', { key: s.adminKey });
      assert.equal(r.status, 202, r.text);
      await s.ctx.jobRunner.drain();
      await c.next((x) => x.event === 'job' && x.data.id === r.body.id && x.data.status === 'succeeded');
      const mine = c.events.filter((x) => x.event === 'job' && x.data.id === r.body.id);
      for (const e of mine) assert.ok(JobEventSchema.safeParse(e.data).success, JSON.stringify(e.data));
      assert.deepEqual(
        mine.map((x) => x.data.status),
        ['queued', 'running', 'succeeded'],
      );
      assert.equal(mine.at(-1)!.data.progress, 1);
      c.close();
    });

    it('closing the server ends the open streams', async () => {
      const other = await startTestServer({ engine });
      const c = await SseClient.open(`${other.url}/api/events`, {
        authorization: `Bearer ${other.adminKey}`,
      });
      assert.equal(c.status, 200);
      await other.close();
      await c.ended();
    });
  });
}
