// avg_rating against the seed's formula (sum(ratings) / count(evaluations)), through the real HTTP API on both
// engines: equal when every evaluation has a rating; otherwise Σ ratings / rated evaluations, as docs/metrics.md
// says, on the query API and on the seed endpoints that report it (analytics/data, model-comparison).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const MODELS = ['model-a', 'model-b'];
const MESSAGES = Array.from({ length: 24 }, (_, i) => ({
  id: `m${i}`,
  conversation_id: `c${i % 4}`,
  role: 'assistant' as const,
  content: `answer ${i}`,
  model_id: MODELS[i % 2],
  provider: 'openai',
  created_at: `2025-03-0${1 + (i % 5)}T12:00:00Z`,
}));

interface Evaluation {
  id: string;
  message_id: string;
  rating?: number | null;
  success: boolean;
}

/** Two evaluations for some messages, so an unrated evaluation can sit beside a rated one of the same message. */
const RATED: Evaluation[] = MESSAGES.flatMap((m, i) => {
  const evs = [{ id: `e${i}`, message_id: m.id, rating: 1 + ((i * 3) % 5), success: i % 3 !== 0 }];
  if (i % 4 === 0) evs.push({ id: `e${i}b`, message_id: m.id, rating: 5 - (i % 5), success: true });
  return evs;
});
/** The same evaluations, a third of them without a rating (null, or the field left out). */
const PARTLY_RATED: Evaluation[] = RATED.map((e, k) => {
  if (k % 3 !== 1) return e;
  const { rating: _, ...rest } = e;
  return k % 2 ? { ...rest, rating: null } : rest;
});

/** Plain TypeScript over the raw fixture: the seed's literal formula and the documented one. */
function formulas(evs: Evaluation[], model?: string) {
  const own = evs.filter((e) => !model || MESSAGES.find((m) => m.id === e.message_id)?.model_id === model);
  const ratings = own.flatMap((e) => (typeof e.rating === 'number' ? [e.rating] : []));
  const sum = ratings.reduce((n, r) => n + r, 0);
  return { evaluations: own.length, seed: sum / own.length, rated: sum / ratings.length };
}

const near = (actual: unknown, expected: number, what: string) => {
  assert.equal(typeof actual, 'number', `${what}: ${String(actual)}`);
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
};

for (const engine of ENGINES) {
  describe(`avg_rating and the seed's formula on ${engine}`, () => {
    let s: TestServer;
    const keys: Record<'rated' | 'partly' | 'unrated', string> = { rated: '', partly: '', unrated: '' };
    before(async () => {
      s = await startTestServer({ engine });
      for (const [name, evaluations] of [
        ['rated', RATED],
        ['partly', PARTLY_RATED],
        ['unrated', PARTLY_RATED.filter((e) => typeof e.rating !== 'number')],
      ] as const) {
        keys[name] = await s.createKey('admin', `ws-${name}`);
        const res = await fetch(`${s.url}/api/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[name]}` },
          body: JSON.stringify({
            models: MODELS.map((model_id) => ({ model_id, name: model_id, provider: 'openai' })),
            messages: MESSAGES,
            evaluations,
          }),
        });
        assert.equal(res.status, 200, await res.text());
      }
    });
    after(() => s.close());

    const call = async (key: string, path: string, body?: unknown) => {
      const res = await fetch(`${s.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      assert.equal(res.status, 200, path);
      return res.json();
    };
    type Row = { model?: string; evaluations: number; avg_rating: number | null };
    const query = async (key: string, dimensions: string[]): Promise<Row[]> =>
      (
        (await call(key, '/api/analytics/query', {
          metrics: ['evaluations', 'avg_rating'],
          dimensions,
          date_range: 'all',
        })) as { rows: Row[] }
      ).rows;

    it('every evaluation rated: avg_rating is the seed formula Σ ratings / count(evaluations)', async () => {
      const [total] = await query(keys.rated, []);
      const want = formulas(RATED);
      assert.equal(want.seed, want.rated, 'the fixture: both formulas agree');
      assert.equal(total.evaluations, want.evaluations);
      near(total.avg_rating, want.seed, 'overall');
      for (const row of await query(keys.rated, ['model'])) {
        near(row.avg_rating, formulas(RATED, row.model).seed, `model ${row.model}`);
      }
    });

    it('some evaluations unrated: Σ ratings / rated evaluations, not the seed formula', async () => {
      const [total] = await query(keys.partly, []);
      const want = formulas(PARTLY_RATED);
      assert.ok(want.rated !== want.seed, 'the fixture: the formulas differ');
      assert.equal(total.evaluations, want.evaluations, 'unrated evaluations still count as evaluations');
      near(total.avg_rating, want.rated, 'overall');
      assert.ok(Math.abs((total.avg_rating as number) - want.seed) > 0.1, 'an unrated evaluation is no 0');
      const rows = await query(keys.partly, ['model']);
      assert.deepEqual(rows.map((r) => r.model).sort(), MODELS);
      for (const row of rows) {
        const m = formulas(PARTLY_RATED, row.model);
        assert.ok(m.rated !== m.seed, `model ${row.model}: the formulas differ`);
        near(row.avg_rating, m.rated, `model ${row.model}`);
      }
    });

    it('no evaluation rated: evaluations counted, avg_rating null', async () => {
      const evaluations = PARTLY_RATED.filter((e) => typeof e.rating !== 'number').length;
      assert.ok(evaluations > 0);
      assert.deepEqual(await query(keys.unrated, []), [{ evaluations, avg_rating: null }]);
    });

    it('the seed endpoints report the same definition under their seed names', async () => {
      const want = formulas(PARTLY_RATED);
      const data = (await call(
        keys.partly,
        '/api/analytics/data?startDate=2025-03-01&endDate=2025-03-05&period=all&metrics=quality',
      )) as { data: { metrics: { quality: { avgRating: number }[] }; aggregations: { avgRating: number } } };
      near(data.data.aggregations.avgRating, want.rated, 'analytics/data aggregations.avgRating');
      near(data.data.metrics.quality[0].avgRating, want.rated, 'analytics/data quality[0].avgRating');
      const comparison = (await call(keys.partly, '/api/analytics/model-comparison?date_range=all')) as {
        data: { models: { model_id: string; avg_rating: number }[] };
      };
      assert.deepEqual(comparison.data.models.map((m) => m.model_id).sort(), MODELS);
      for (const m of comparison.data.models) {
        near(m.avg_rating, formulas(PARTLY_RATED, m.model_id).rated, `model-comparison ${m.model_id}`);
      }
    });
  });
}
