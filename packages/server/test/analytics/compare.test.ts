// previous_period, the HTTP route, workspace isolation and inert injection, on both engines, against the oracle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnalyticsQuery, AnalyticsReply } from '@llm-analytics/core';
import { ENGINES } from '../helpers/engines.ts';
import { post } from '../helpers/post.ts';
import { NOW } from './dataset.ts';
import { assertMatches, check, type Loaded, loadServer, OTHER_WORKSPACE } from './fixture.ts';
import { METRIC_GRAIN, oracle } from './oracle.ts';

const ALL_METRICS = Object.keys(METRIC_GRAIN);
const INJECTION = "'; DROP TABLE messages; --";

for (const engine of ENGINES) {
  describe(`analytics comparison, route and isolation on ${engine}`, () => {
    let l: Loaded;
    before(async () => {
      l = await loadServer(engine);
    });
    after(() => l.s.close());

    for (const date_range of ['7d', '30d', '90d', { from: '2025-04-01', to: '2025-04-30' }] as const) {
      it(`previous_period over ${JSON.stringify(date_range)}: comparison rows and change_pct`, async () => {
        // Without dimensions one statement holds both periods; filters of every grain must split it right.
        const cases: [string[], AnalyticsQuery['filters']][] = [
          [[], undefined],
          [
            [],
            [
              'and',
              [
                ['in', 'rating', [4, 5]],
                ['neq', 'model', 'gpt-4o'],
              ],
            ],
          ],
          [
            [],
            [
              'or',
              [
                ['eq', 'tool', 'search'],
                ['eq', 'widget', true],
              ],
            ],
          ],
          [['model'], undefined],
          [['time'], undefined],
          [['rating'], undefined],
          [['training_method', 'tool'], undefined],
        ];
        for (const [dimensions, filters] of cases) {
          const q: AnalyticsQuery = {
            metrics: ALL_METRICS,
            dimensions,
            date_range,
            compare: 'previous_period',
            granularity: 'day',
            ...(filters ? { filters } : {}),
          };
          const reply = await check(l, q);
          // The comparison rows themselves are the oracle's answer for the previous window (meta is the current one's).
          const w = reply.meta.comparison_window!;
          const prev = { ...q, date_range: { from: w.from, to: w.to }, compare: undefined };
          const prevReply = { ...reply, rows: reply.comparison!.rows, comparison: undefined };
          assertMatches(prevReply, oracle(l.ds, prev, NOW, l.settings), prev, false);
        }
      });
    }

    it('data of another workspace never counts, and that workspace answers for its own data', async () => {
      const q: AnalyticsQuery = { metrics: ALL_METRICS, dimensions: ['model'], date_range: 'all' };
      await check(l, q);
      // The other workspace was loaded in one batch, in order: context filled within one commit.
      for (const dims of [['model'], ['session', 'widget'], ['user']]) {
        const oq: AnalyticsQuery = { ...q, dimensions: dims };
        const other = await l.s.ctx.analytics.query(OTHER_WORKSPACE, oq, NOW);
        assertMatches(other, oracle(l.other, oq, NOW, l.settings), oq);
      }
      const empty = await l.s.ctx.analytics.query(
        'no-such-workspace',
        { metrics: ['messages', 'cost'], date_range: 'all' },
        NOW,
      );
      assert.deepEqual(empty.rows, [{ messages: 0, cost: 0 }]);
    });

    it(`a filter value ${INJECTION} matches nothing and the table survives`, async () => {
      const before = await l.s.count('messages');
      for (const filters of [
        ['eq', 'model', INJECTION],
        ['in', 'failure_tag', [INJECTION]],
        ['contains', 'tool', INJECTION],
      ] as AnalyticsQuery['filters'][]) {
        const reply = await check(l, {
          metrics: ['messages', 'evaluations', 'tool_calls'],
          filters,
          date_range: 'all',
        });
        assert.deepEqual(reply.rows, [{ messages: 0, evaluations: 0, tool_calls: 0 }]);
      }
      assert.equal(await l.s.count('messages'), before);
      await check(l, { metrics: ['messages'], date_range: 'all' });
    });

    it('order_by and limit keep the oracle values and flag truncation', async () => {
      const q: AnalyticsQuery = {
        metrics: ['messages', 'cost'],
        dimensions: ['user'],
        date_range: 'all',
        order_by: [['messages', 'desc']],
        limit: 5,
      };
      const reply = await l.s.ctx.analytics.query(l.s.workspaceId, q, NOW);
      assert.equal(reply.rows.length, 5);
      assert.equal(reply.meta.truncated, true);
      const want = oracle(l.ds, q, NOW, l.settings)
        .rows.map((r) => r.messages as number)
        .sort((a, b) => b - a);
      assert.deepEqual(
        reply.rows.map((r) => r.messages),
        want.slice(0, 5),
      );
    });

    // Through HTTP the server's clock is real, so these use fixed ISO ranges and "all".
    it('POST /api/analytics/query answers as the oracle does (admin key)', async () => {
      const queries: AnalyticsQuery[] = [
        { metrics: ALL_METRICS, date_range: 'all' },
        {
          metrics: ALL_METRICS,
          dimensions: ['training_method'],
          date_range: { from: '2025-03-01', to: '2025-05-31' },
        },
        {
          metrics: ['messages', 'success_rate'],
          dimensions: ['rating'],
          filters: ['eq', 'success', false],
          date_range: 'all',
        },
        {
          metrics: ['cost', 'messages'],
          dimensions: ['time'],
          granularity: 'day',
          compare: 'previous_period',
          date_range: { from: '2025-05-01T00:00:00Z', to: '2025-05-15T00:00:00Z' },
        },
      ];
      for (const q of queries) {
        const res = await post(`${l.s.url}/api/analytics/query`, l.s.adminKey, q);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assertMatches(res.body as unknown as AnalyticsReply, oracle(l.ds, q, NOW, l.settings), q);
      }
      const bad = await post(`${l.s.url}/api/analytics/query`, l.s.adminKey, {
        metrics: ['nope'],
        date_range: 'all',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error?.code, 'unknown_metric');
    });
  });
}
