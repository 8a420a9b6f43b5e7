// Deleting a workspace deletes its value codes too: a workspace later created with the same id codes its
// values afresh, and its analytics show them (not the codes of the deleted workspace's values).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IngestBatchInput } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const T = new Date(Date.now() - 3_600_000).toISOString();
const batch = (model: string, session: string): IngestBatchInput => ({
  conversations: [{ id: 'c1', session_id: session }],
  messages: [
    { id: 'm1', conversation_id: 'c1', role: 'assistant', model_id: model, provider: 'p', created_at: T },
  ],
});

for (const engine of ENGINES) {
  describe(`removing a workspace on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('forgets its value codes, so a workspace re-created with its id reports its own values', async () => {
      await s.ctx.workspaces.create('w2', 'w2');
      await s.ctx.ingest.ingest('w2', batch('gpt-x', 'old-session'));
      await s.ctx.workspaces.remove('w2');
      await s.ctx.workspaces.create('w2', 'w2');
      await s.ctx.ingest.ingest('w2', batch('gpt-x', 'new-session'));
      const reply = await s.ctx.analytics.query('w2', {
        metrics: ['messages'],
        dimensions: ['model', 'provider', 'session'],
        date_range: '7d',
      });
      assert.deepEqual(reply.rows, [{ model: 'gpt-x', provider: 'p', session: 'new-session', messages: 1 }]);
    });
  });
}
