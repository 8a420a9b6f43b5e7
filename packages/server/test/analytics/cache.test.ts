// Cached analytics replies never outlive the data or settings they were computed from.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const msg = (id: string) => ({
  id,
  conversation_id: 'c1',
  role: 'assistant' as const,
  model_id: 'm-x',
  provider: 'acme',
  input_tokens: 1000,
  output_tokens: 1000,
  created_at: new Date(Date.now() - 3_600_000).toISOString(),
});

for (const engine of ENGINES) {
  describe(`analytics reply cache on ${engine}`, () => {
    let s: TestServer;
    const overview = () =>
      s.ctx.analytics.query('default', { metrics: ['messages', 'cost'], date_range: '7d' });
    before(async () => {
      s = await startTestServer({ engine });
    });
    after(() => s.close());

    it('a committed ingest is visible to the very next query', async () => {
      await s.ctx.ingest.ingest('default', { messages: [msg('a')] });
      assert.equal((await overview()).rows[0].messages, 1);
      assert.equal((await overview()).rows[0].messages, 1);
      await s.ctx.ingest.ingest('default', { messages: [msg('b')] });
      assert.equal((await overview()).rows[0].messages, 2);
    });

    it('a price change reprices the next reply', async () => {
      const before = await overview();
      assert.equal(before.rows[0].cost, 0);
      assert.equal(before.meta.unpriced_messages, 2);
      await s.ctx.settings.update('default', {
        price_book: { default: null, providers: { acme: { input_per_1k: 1, output_per_1k: 2 } }, models: {} },
      });
      const after = await overview();
      assert.equal(after.rows[0].cost, 6);
      assert.equal(after.meta.unpriced_messages, 0);
    });

    it('callers cannot corrupt a cached reply', async () => {
      const first = await overview();
      first.rows[0].messages = 999;
      assert.equal((await overview()).rows[0].messages, 2);
    });
  });
}
