// GET /api/analytics/model-comparison and /judgment-examples on every engine: per-model values and the
// fine-tune's delta against its base (plain JS recount), failure-tag examples with totals and pagination.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { EVALUATIONS, get, loadFixture, MESSAGES } from './seedFixture.ts';

interface Delta {
  absolute: number | null;
  pct: number | null;
}
interface ModelsReply {
  data: {
    models: (Record<string, number | null | string> & {
      model_id: string;
      vs_base: { base_model: string; deltas: Record<string, Delta> } | null;
    })[];
  };
}
interface Example {
  message_id: string;
  content: string;
  model_id: string;
  rating: number;
  evaluator_id: string;
  created_at: string;
  failure_tags: string[];
}
interface TagPage {
  tag: string;
  total: number;
  page: number;
  page_size: number;
  examples: Example[];
}

const near = (a: unknown, b: number) =>
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

/** The fixture's evaluations of one model, and its average rating. */
function modelFacts(modelId: string) {
  const ids = new Set(MESSAGES.filter((m) => m.model_id === modelId).map((m) => m.id));
  const evs = EVALUATIONS.filter((e) => ids.has(e.message_id));
  return { messages: ids.size, avg: evs.reduce((n, e) => n + e.rating, 0) / evs.length, evs };
}

const tagged = (tag: string) =>
  EVALUATIONS.filter((e) => e.failure_tags.includes(tag)).sort((a, b) =>
    a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? 1 : -1,
  );

for (const engine of ENGINES) {
  describe(`seed model-comparison and judgment-examples on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine });
      await loadFixture(s);
    });
    after(async () => s?.close());

    it('lists models with registry fields, metrics and the fine-tune delta against its base', async () => {
      const r = await get<ModelsReply>(s, '/api/analytics/model-comparison?date_range=all');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const byId = new Map(r.body.data.models.map((m) => [m.model_id, m]));
      assert.deepEqual([...byId.keys()].sort(), ['base-m', 'ft-m', 'other-m']);
      const ft = byId.get('ft-m')!;
      const base = byId.get('base-m')!;
      assert.equal(ft.training_method, 'sft');
      assert.equal(ft.base_model, 'base-m');
      assert.equal(ft.name, 'Fine-tune');
      assert.equal(ft.messages, modelFacts('ft-m').messages);
      near(ft.avg_rating, modelFacts('ft-m').avg);
      near(base.avg_rating, modelFacts('base-m').avg);
      assert.equal(base.vs_base, null);
      assert.equal(byId.get('other-m')!.vs_base, null);
      const d = ft.vs_base!.deltas.avg_rating;
      assert.equal(ft.vs_base!.base_model, 'base-m');
      near(d.absolute, modelFacts('ft-m').avg - modelFacts('base-m').avg);
      near(d.pct, ((modelFacts('ft-m').avg - modelFacts('base-m').avg) / modelFacts('base-m').avg) * 100);
      for (const key of [
        'success_rate',
        'error_rate',
        'latency_p50',
        'latency_p95',
        'cost',
        'cost_per_message',
      ]) {
        assert.ok(key in ft, key);
      }
    });

    it('an empty window lists registered models with zero counts', async () => {
      const r = await get<ModelsReply>(s, '/api/analytics/model-comparison?date_range=7d');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.data.models.length, 3);
      for (const m of r.body.data.models) assert.deepEqual([m.messages, m.avg_rating], [0, null]);
    });

    it('rejects an unknown date_range', async () => {
      const r = await get<ModelsReply>(s, '/api/analytics/model-comparison?date_range=12d');
      assert.equal(r.status, 400);
      assert.equal(r.body.error?.code, 'invalid_parameters');
    });

    it('pages one tag newest first with content, model, rating and evaluator', async () => {
      const all = tagged('hallucination');
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const r = await get<{ data: TagPage }>(
          s,
          `/api/analytics/judgment-examples?failure_tag=hallucination&date_range=all&page=${page}&page_size=5`,
        );
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const p = r.body.data;
        assert.deepEqual([p.tag, p.total, p.page, p.page_size], ['hallucination', all.length, page, 5]);
        assert.equal(p.examples.length, Math.max(0, Math.min(5, all.length - (page - 1) * 5)));
        for (const ex of p.examples) {
          const msg = MESSAGES.find((m) => m.id === ex.message_id)!;
          const ev = EVALUATIONS.find((e) => e.message_id === ex.message_id)!;
          assert.equal(ex.content, msg.content);
          assert.equal(ex.model_id, msg.model_id);
          assert.equal(ex.rating, ev.rating);
          assert.equal(ex.evaluator_id, ev.evaluator_id);
          assert.equal(ex.created_at, new Date(msg.created_at).toISOString());
          assert.ok(ex.failure_tags.includes('hallucination'));
          seen.push(ex.message_id);
        }
      }
      assert.deepEqual(
        seen,
        all.map((e) => e.message_id),
        'pages partition the tag, newest first',
      );
    });

    it('without a tag lists every tag with its total and first page', async () => {
      const r = await get<{ data: { tags: TagPage[] } }>(
        s,
        '/api/analytics/judgment-examples?date_range=all&page_size=2',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const tags = r.body.data.tags;
      assert.deepEqual(
        tags.map((t) => [t.tag, t.total, t.examples.length]),
        [
          ['hallucination', tagged('hallucination').length, 2],
          ['off_topic', tagged('off_topic').length, 2],
        ],
      );
    });

    it('an unknown tag has no examples; a bad page size is a 400', async () => {
      const r = await get<{ data: TagPage }>(
        s,
        '/api/analytics/judgment-examples?failure_tag=nope&date_range=all',
      );
      assert.equal(r.status, 200);
      assert.deepEqual([r.body.data.total, r.body.data.examples], [0, []]);
      const bad = await get<{ data: TagPage }>(s, '/api/analytics/judgment-examples?page_size=0');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error?.code, 'invalid_parameters');
      const inert = await get<{ data: TagPage }>(
        s,
        `/api/analytics/judgment-examples?date_range=all&failure_tag=${encodeURIComponent("'; DROP TABLE messages; --")}`,
      );
      assert.equal(inert.status, 200);
      assert.equal(await s.count('messages'), MESSAGES.length);
    });
  });
}
