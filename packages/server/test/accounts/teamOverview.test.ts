// The team view: workspace totals, per end-user and per evaluator figures through the analytics query path;
// viewers may read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { call, userWithRole } from './helpers.ts';

describe('GET /api/team/overview', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
    const at = new Date(Date.now() - 3600_000).toISOString();
    await s.ctx.ingest.ingest('default', {
      conversations: [
        { id: 'c1', user_id: 'alice' },
        { id: 'c2', user_id: 'bob' },
        { id: 'c3', user_id: 'alice' },
      ],
      messages: ['c1', 'c1', 'c2', 'c3'].map((c, i) => ({
        id: `m${i}`,
        conversation_id: c,
        role: 'user' as const,
        created_at: at,
      })),
      evaluations: [
        { id: 'e1', message_id: 'm0', evaluator_id: 'judge', rating: 5, success: true },
        { id: 'e2', message_id: 'm1', evaluator_id: 'judge', rating: 1, success: false },
        { id: 'e3', message_id: 'm2', evaluator_id: 'carol', rating: 4, success: true },
      ],
    });
  });
  after(() => s.close());

  it('lists end-users by messages and evaluators by evaluations, with workspace totals', async () => {
    const viewer = await userWithRole(s, 'viewer@example.com', 'viewer');
    const r = await call(s.url, 'GET', '/api/team/overview?date_range=7d', { session: viewer });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.totals.messages, 4);
    assert.deepEqual(
      r.body.users.map((u: { user: string; messages: number; conversations: number }) => [
        u.user,
        u.messages,
        u.conversations,
      ]),
      [
        ['alice', 3, 2],
        ['bob', 1, 1],
      ],
    );
    assert.equal(r.body.totals.users, 2);
    assert.equal(r.body.totals.evaluators, 2);
    assert.deepEqual(
      r.body.evaluators.map(
        (e: { evaluator: string; evaluations: number; avg_rating: number; success_rate: number }) => [
          e.evaluator,
          e.evaluations,
          e.avg_rating,
          e.success_rate,
        ],
      ),
      [
        ['judge', 2, 3, 50],
        ['carol', 1, 4, 100],
      ],
    );
    assert.equal(
      (await call(s.url, 'GET', '/api/team/overview?date_range=1y', { session: viewer })).status,
      400,
    );
    assert.equal(
      (await call(s.url, 'GET', '/api/team/overview', { key: await s.createKey('ingest') })).status,
      403,
    );
  });
});
