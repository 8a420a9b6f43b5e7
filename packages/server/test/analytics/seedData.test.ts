// GET /api/analytics/data on every engine: seed response shape, values against a plain JS recount, requested
// groups only, period=all, validation errors (invalid_date_range, range_too_large), Cache-Control, auth.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { EVALUATIONS, get, loadFixture, MESSAGES } from './seedFixture.ts';

type Point = Record<string, number | null | string | Record<string, unknown>>;
interface DataReply {
  success: boolean;
  data: {
    userId: string;
    timeRange: { start: string; end: string; period: string; granularity: string | null };
    metrics: Record<string, Point[]>;
    aggregations: Record<string, number | null>;
  };
}

const RANGE = 'startDate=2025-03-01&endDate=2025-03-10';
const near = (a: unknown, b: number) =>
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

for (const engine of ENGINES) {
  describe(`GET /api/analytics/data on ${engine}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine, config: { cacheMaxAgeSeconds: 123, maxDateRangeDays: 60 } });
      await loadFixture(s);
    });
    after(async () => s?.close());

    it('answers the seed shape with per-day points that match a plain recount', async () => {
      const r = await get<DataReply>(s, `/api/analytics/data?${RANGE}&period=day`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.headers.get('cache-control'), 'private, max-age=123');
      const { data } = r.body;
      assert.equal(r.body.success, true);
      assert.ok(data.userId.length > 0);
      assert.deepEqual(data.timeRange, {
        start: '2025-03-01T00:00:00.000Z',
        end: '2025-03-11T00:00:00.000Z',
        period: 'day',
        granularity: 'day',
      });
      assert.deepEqual(Object.keys(data.metrics).sort(), [
        'conversations',
        'errors',
        'latency',
        'quality',
        'tokenUsage',
        'tools',
      ]);
      const tokens = data.metrics.tokenUsage;
      assert.equal(tokens.length, 10, 'one point per day of the window, empty days included');
      for (const p of tokens) {
        const day = String(p.timestamp).slice(0, 10);
        const msgs = MESSAGES.filter((m) => m.created_at.startsWith(day));
        assert.equal(p.messages, msgs.length, day);
        assert.equal(
          p.inputTokens,
          msgs.reduce((n, m) => n + m.input_tokens, 0),
        );
      }
      const quality = data.metrics.quality.find((p) => p.timestamp === '2025-03-02T00:00:00Z')!;
      const evs = EVALUATIONS.filter((e) => e.created_at.startsWith('2025-03-02'));
      assert.equal(quality.evaluations, evs.length);
      near(quality.avgRating, evs.reduce((n, e) => n + e.rating, 0) / evs.length);
      const empty = data.metrics.quality.find((p) => p.timestamp === '2025-03-08T00:00:00Z')!;
      assert.deepEqual(
        [empty.evaluations, empty.avgRating],
        [0, null],
        'empty buckets: counts 0, averages null',
      );
      const errDays = data.metrics.errors.filter((p) => (p.errors as number) > 0);
      assert.equal(
        errDays.reduce((n, p) => n + (p.errors as number), 0),
        MESSAGES.filter((m) => 'error_type' in m).length,
      );
      for (const p of errDays) assert.equal((p.byType as Record<string, number>).timeout, p.errors);
      const toolCalls = MESSAGES.filter((m) => 'tools_called' in m).length;
      assert.equal(
        data.metrics.tools.reduce((n, p) => n + (p.toolCalls as number), 0),
        toolCalls,
      );

      const a = data.aggregations;
      assert.equal(a.messages, MESSAGES.length);
      assert.equal(
        a.totalTokens,
        MESSAGES.reduce((n, m) => n + m.input_tokens + (m.output_tokens ?? 0), 0),
      );
      assert.equal(a.evaluations, EVALUATIONS.length);
      near(a.successRate, (100 * EVALUATIONS.filter((e) => e.success).length) / EVALUATIONS.length);
      assert.equal(a.conversations, 10);
      assert.equal(a.users, 3);
      assert.equal(a.toolCalls, toolCalls);
      assert.equal(typeof a.unpricedMessages, 'number');
    });

    it('returns only the requested metric groups and their totals', async () => {
      const r = await get<DataReply>(s, `/api/analytics/data?${RANGE}&period=week&metrics=tokens,latency`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(Object.keys(r.body.data.metrics).sort(), ['latency', 'tokenUsage']);
      assert.equal(r.body.data.timeRange.granularity, 'week');
      assert.equal(r.body.data.aggregations.avgRating, undefined);
      const latencies = MESSAGES.flatMap((m) => ('latency_ms' in m ? [m.latency_ms as number] : []));
      near(r.body.data.aggregations.latencyAvg, latencies.reduce((n, v) => n + v, 0) / latencies.length);
    });

    it('period=all gives one point per group over the whole window', async () => {
      const r = await get<DataReply>(
        s,
        `/api/analytics/data?${RANGE}&period=all&metrics=quality,conversations`,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.data.metrics.quality.length, 1);
      assert.equal(r.body.data.metrics.quality[0].evaluations, EVALUATIONS.length);
      assert.equal(r.body.data.metrics.conversations[0].conversations, 10);
      assert.equal(r.body.data.timeRange.granularity, null);
    });

    it('a window holding part of the data counts only that part', async () => {
      const r = await get<DataReply>(
        s,
        '/api/analytics/data?startDate=2025-03-02T00:00:00Z&endDate=2025-03-03T00:00:00Z&period=hour&metrics=tokens',
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.data.metrics.tokenUsage.length, 24);
      assert.equal(
        r.body.data.aggregations.messages,
        MESSAGES.filter((m) => m.created_at.startsWith('2025-03-02')).length,
      );
    });

    for (const [name, query, code] of [
      ['an unparseable date', 'startDate=yesterday&endDate=2025-03-10', 'invalid_date_range'],
      ['end before start', 'startDate=2025-03-10&endDate=2025-03-01T00:00:00Z', 'invalid_date_range'],
      [
        'a range over ANALYTICS_MAX_DATE_RANGE_DAYS',
        'startDate=2025-01-01&endDate=2025-03-10',
        'range_too_large',
      ],
      ['an unknown metric group', `${RANGE}&metrics=tokens,bogus`, 'invalid_parameters'],
      ['an unknown period', `${RANGE}&period=year`, 'invalid_parameters'],
    ] as const) {
      it(`rejects ${name} with 400 ${code}`, async () => {
        const r = await get<DataReply>(s, `/api/analytics/data?${query}`);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.error?.code, code);
        assert.ok(r.body.error?.message);
      });
    }

    it('needs a key', async () => {
      const r = await get<DataReply>(s, `/api/analytics/data?${RANGE}`, null);
      assert.equal(r.status, 401);
    });
  });
}
