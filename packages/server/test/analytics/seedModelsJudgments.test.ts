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

const tagged = (tag: string, keep: (e: (typeof EVALUATIONS)[number]) => boolean = () => true) =>
  EVALUATIONS.filter((e) => e.failure_tags.includes(tag) && keep(e)).sort((a, b) =>
    a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? 1 : -1,
  );

const messageOf = (e: (typeof EVALUATIONS)[number]) => MESSAGES.find((m) => m.id === e.message_id)!;

/** Every tag's total and message ids (newest first) the examples should list, recounted from the fixture. */
function expectedTags(keep: (e: (typeof EVALUATIONS)[number]) => boolean) {
  return ['hallucination', 'off_topic']
    .map((tag) => tagged(tag, keep))
    .map((evs, i) => [['hallucination', 'off_topic'][i], evs.length, evs.map((e) => e.message_id)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
}

async function listTags(s: TestServer, query: string) {
  const r = await get<{ data: { tags: TagPage[] } }>(
    s,
    `/api/analytics/judgment-examples?page_size=100&${query}`,
  );
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.data.tags.map((t) => [t.tag, t.total, t.examples.map((ex) => ex.message_id)] as const);
}

const qs = (filters: unknown) => `filters=${encodeURIComponent(JSON.stringify(filters))}`;

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

    it('follows the filter tree on message, model-registry, evaluation and tool dimensions', async () => {
      const ftModel = (e: (typeof EVALUATIONS)[number]) => messageOf(e).model_id === 'ft-m';
      const cases: [unknown, (e: (typeof EVALUATIONS)[number]) => boolean][] = [
        [['in', 'model', ['ft-m']], ftModel],
        [['in', 'training_method', ['sft']], ftModel],
        [['in', 'rating', [1]], (e) => e.rating === 1],
        [
          [
            'and',
            [
              ['eq', 'success', false],
              ['in', 'model', ['other-m']],
            ],
          ],
          (e) => !e.success && messageOf(e).model_id === 'other-m',
        ],
        [['eq', 'tool', 'search'], (e) => (messageOf(e).tools_called?.length ?? 0) > 0],
        [
          [
            'and',
            [
              ['in', 'model', ['base-m', 'other-m']],
              ['not', ['in', 'rating', [2]]],
            ],
          ],
          (e) => messageOf(e).model_id !== 'ft-m' && e.rating !== 2,
        ],
      ];
      for (const [filters, keep] of cases) {
        const want = expectedTags(keep);
        assert.ok(want.length > 0 && want[0][1] < tagged('hallucination').length, 'the filter narrows');
        assert.deepEqual(await listTags(s, `date_range=all&${qs(filters)}`), want, JSON.stringify(filters));
      }
      // One tag's page under a filter: the same total and rows as that tag in the listing.
      const r = await get<{ data: TagPage }>(
        s,
        `/api/analytics/judgment-examples?failure_tag=hallucination&date_range=all&page_size=3&${qs(['in', 'model', ['ft-m']])}`,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const want = tagged('hallucination', ftModel);
      assert.equal(r.body.data.total, want.length);
      assert.deepEqual(
        r.body.data.examples.map((ex) => [ex.message_id, ex.model_id]),
        want.slice(0, 3).map((e) => [e.message_id, 'ft-m']),
      );
    });

    it('follows a custom ISO range (timestamps or dates), end exclusive', async () => {
      const [from, to] = ['2025-03-02T00:00:00Z', '2025-03-03T23:59:59Z'];
      const inRange = (e: (typeof EVALUATIONS)[number]) => {
        const t = Date.parse(messageOf(e).created_at);
        return t >= Date.parse(from) && t < Date.parse(to);
      };
      const want = expectedTags(inRange);
      assert.ok(want.length > 0 && want[0][1] < tagged('hallucination').length, 'the range narrows');
      assert.deepEqual(await listTags(s, `from=${from}&to=${to}`), want);
      // Offsets and dates-only bounds go through the same parsing as AnalyticsQuery's date_range.
      assert.deepEqual(await listTags(s, 'from=2025-03-02T01:00:00%2B01:00&to=2025-03-03T23:59:59Z'), want);
      const withFilter = expectedTags((e) => inRange(e) && e.rating === 1);
      assert.deepEqual(await listTags(s, `from=${from}&to=${to}&${qs(['in', 'rating', [1]])}`), withFilter);
      // The range's totals are the failure-tag counts the analytics give for the same window.
      const counts = await fetch(`${s.url}/api/analytics/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminKey}` },
        body: JSON.stringify({
          metrics: ['evaluations'],
          dimensions: ['failure_tag'],
          date_range: { from, to },
        }),
      });
      const rows = ((await counts.json()) as { rows: { failure_tag: string | null; evaluations: number }[] })
        .rows;
      for (const [tag, total] of want) {
        assert.equal(rows.find((row) => row.failure_tag === tag)?.evaluations, total, tag);
      }
    });

    it('rejects a half custom range, bad dates and bad filters with a 400', async () => {
      const cases: [string, string][] = [
        ['from=2025-03-02', 'invalid_parameters'],
        ['to=2025-03-02', 'invalid_parameters'],
        ['from=2025-03-02&to=2025-03-03&date_range=7d', 'invalid_parameters'],
        ['from=yesterday&to=2025-03-03', 'invalid_date_range'],
        ['from=2025-03-04&to=2025-03-03', 'invalid_date_range'],
        ['filters=%5Bnot%20json', 'invalid_parameters'],
        [qs(['in', 'model']), 'invalid_parameters'],
        [qs(['in', 'nope', ['x']]), 'unknown_dimension'],
        [qs(['eq', 'model', "'; DROP TABLE messages; --"]), ''],
      ];
      for (const [query, code] of cases) {
        const r = await get<{ data: unknown }>(s, `/api/analytics/judgment-examples?${query}`);
        if (code === '') {
          assert.equal(r.status, 200, query);
          continue;
        }
        assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error?.code, code, query);
        assert.equal(typeof r.body.error?.message, 'string');
      }
      assert.equal(await s.count('messages'), MESSAGES.length);
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
