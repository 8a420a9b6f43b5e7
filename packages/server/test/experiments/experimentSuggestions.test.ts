// Drafts from the data on both engines: the demo's three A/B experiments are offered, each creatable with one POST
// of its draft, and an experiment's sessions are offered no more once it exists.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_SESSIONS } from '../../src/demo/demoExperiments.ts';
import { runDemo } from '../../src/demo/runDemo.ts';
import { call } from '../accounts/helpers.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const BASE = '/api/analytics/experiments';

for (const engine of ENGINES) {
  describe(`experiment suggestions on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
      await runDemo({ messages: 4000, seed: 5, ingest: (b) => s.ctx.ingest.ingest(s.workspaceId, b) });
    });
    after(() => s.close());

    it("offers the demo's three experiments, each created by posting its draft", async () => {
      // Independently: conversations per demo session, straight from the table.
      const rows = await s.ctx.store.query<{ session_id: string; n: number }>(
        'SELECT session_id, count(*) AS n FROM conversations WHERE workspace_id = $1 AND session_id IS NOT NULL GROUP BY session_id',
        [s.workspaceId],
      );
      const counts = new Map(rows.map((r) => [r.session_id, Number(r.n)]));
      const r = await call(s.url, 'GET', `${BASE}/suggestions`, { key: s.adminKey });
      assert.equal(r.status, 200, r.text);
      const names = [...new Set(DEMO_SESSIONS.map((d) => d.experiment_name))].sort();
      assert.deepEqual(
        r.body.suggestions.map((x: { experiment_name: string }) => x.experiment_name),
        names,
      );
      for (const sug of r.body.suggestions) {
        const sessions = DEMO_SESSIONS.filter((d) => d.experiment_name === sug.experiment_name).map(
          (d) => d.session_id,
        );
        assert.deepEqual(sug.session_ids, [...sessions].sort());
        assert.deepEqual(
          sug.conversations,
          sug.session_ids.map((id: string) => counts.get(id)),
        );
        assert.ok(sug.draft.variants.some((v: { name: string }) => v.name === sug.draft.control));
      }
      const rlhf = r.body.suggestions.find((x: { experiment_name: string }) =>
        x.experiment_name.startsWith('RLHF'),
      );
      assert.equal(rlhf.draft.control, 'ab-rlhf-control');
      const sft = r.body.suggestions.find((x: { experiment_name: string }) =>
        x.experiment_name.includes('SFT'),
      );
      assert.equal(sft.draft.control, 'ab-finetune-sft', 'the arm the name says first');

      const first = r.body.suggestions[0];
      const created = await call(s.url, 'POST', BASE, { key: s.adminKey, body: first.draft });
      assert.equal(created.status, 201, created.text);
      const left = await call(s.url, 'GET', `${BASE}/suggestions`, { key: s.adminKey });
      assert.deepEqual(
        left.body.suggestions.map((x: { experiment_name: string }) => x.experiment_name),
        names.filter((n) => n !== first.experiment_name),
      );
      for (const sug of left.body.suggestions)
        assert.equal((await call(s.url, 'POST', BASE, { key: s.adminKey, body: sug.draft })).status, 201);
      assert.deepEqual(
        (await call(s.url, 'GET', `${BASE}/suggestions`, { key: s.adminKey })).body.suggestions,
        [],
      );

      const results = await call(s.url, 'GET', `${BASE}/${created.body.id}/results`, { key: s.adminKey });
      assert.equal(results.status, 200, results.text);
      assert.deepEqual(
        results.body.variants.map((v: { conversations: number }) => v.conversations),
        first.conversations,
      );
      assert.equal(results.body.comparisons.length, 1 + first.draft.secondary_metrics.length);
    });
  });
}
