// Cached analytics replies never outlive the data or settings they were computed from.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AnalyticsService } from '../../src/analytics/AnalyticsService.ts';
import { scopeKey } from '../../src/store/FactScope.ts';
import type { Store } from '../../src/store/Store.ts';
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

    it('Cache-Control: no-cache on the route computes anew', async () => {
      // A fixed window: a relative one ends at the next whole minute, and a minute turning between two
      // asks would compute anew for that reason alone.
      const date_range = {
        from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
        to: new Date(Date.now() + 3_600_000).toISOString(),
      };
      const ask = async (headers: Record<string, string> = {}) => {
        const r = await fetch(`${s.url}/api/analytics/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminKey}`, ...headers },
          body: JSON.stringify({ metrics: ['messages'], date_range }),
        });
        return ((await r.json()) as { rows: { messages: number }[] }).rows[0].messages;
      };
      const before = await ask();
      // A write that bypasses the ingest path (no version bump): only a fresh reply can see it. On DuckDB the
      // row carries the workspace key, as the writer's rows do.
      const at = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
      const key = scopeKey(s.ctx.store.factScope('default'));
      await s.ctx.store.query(
        `INSERT INTO messages (workspace_id, id, conversation_id, role, created_at${key ? ', ws' : ''})
         VALUES ('default', 'raw', 'c1', 'user', CAST($1 AS TIMESTAMP)${key ? ', $2' : ''})`,
        key ? [at, key] : [at],
      );
      assert.equal(await ask(), before);
      assert.equal(await ask({ 'cache-control': 'no-cache' }), before + 1);
      assert.equal(await ask(), before + 1, 'the fresh reply refreshed the cache');
    });

    it('concurrent first queries load the workspace facts (model prices, data span) once', async () => {
      let scans = 0;
      const counting: Store = Object.create(s.ctx.store);
      counting.query = (sql, params) => {
        if (sql.includes('SELECT DISTINCT provider_code, model_code')) scans++;
        return s.ctx.store.query(sql, params);
      };
      const service = new AnalyticsService(counting, s.ctx.settings);
      const replies = await Promise.all(
        ['messages', 'cost', 'latency_p95', 'errors'].map((m) =>
          service.query('default', { metrics: [m], date_range: '7d' }),
        ),
      );
      assert.equal(replies.length, 4);
      assert.equal(scans, 1);
    });

    it('judgment examples are cached and a new evaluation shows at once', async () => {
      const examples = async () => {
        const r = await fetch(`${s.url}/api/analytics/judgment-examples?failure_tag=refusal&date_range=7d`, {
          headers: { authorization: `Bearer ${s.adminKey}` },
        });
        return ((await r.json()) as { data: { total: number; examples: unknown[] } }).data;
      };
      const ev = (id: string) => ({
        id,
        message_id: 'a',
        rating: 1,
        success: false,
        failure_tags: ['refusal'],
      });
      await s.ctx.ingest.ingest('default', { evaluations: [ev('j1')] });
      assert.equal((await examples()).total, 1);
      assert.equal((await examples()).examples.length, 1);
      await s.ctx.ingest.ingest('default', { evaluations: [ev('j2')] });
      const after = await examples();
      assert.equal(after.total, 2);
      assert.equal(after.examples.length, 2);
    });

    it('callers cannot corrupt a cached reply', async () => {
      const first = await overview();
      const n = first.rows[0].messages;
      first.rows[0].messages = 999;
      assert.equal((await overview()).rows[0].messages, n);
    });
  });
}
