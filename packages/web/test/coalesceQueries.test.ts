// Tests of the coalescing the dashboard's batcher applies, and of the dashboard load derived with it from the
// widget declarations (what bench:query sends).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyticsQuery } from '@llm-analytics/core';
import { coalesceQueries } from '../src/widgets/coalesceQueries.ts';
import { dashboardRequests } from '../src/widgets/dashboardRequests.ts';
import { KPI_ROW, kpiQuery } from '../src/widgets/kpis.ts';
import type { WidgetQueryState } from '../src/widgets/WidgetDef.ts';
import { WIDGETS } from '../src/widgets/widgets.ts';

const byModel: Omit<AnalyticsQuery, 'metrics'> = { date_range: '30d', dimensions: ['model'] };
const overTime: Omit<AnalyticsQuery, 'metrics'> = {
  date_range: '30d',
  dimensions: ['time'],
  granularity: 'auto',
};

const CASES: {
  name: string;
  input: AnalyticsQuery[];
  want: { query: AnalyticsQuery; members: number[] }[];
}[] = [
  { name: 'nothing issued', input: [], want: [] },
  {
    name: 'one query is sent as it is',
    input: [{ metrics: ['cost'], ...byModel }],
    want: [{ query: { metrics: ['cost'], ...byModel }, members: [0] }],
  },
  {
    name: 'queries differing only in metrics: one request, the union in first-seen order',
    input: [
      { metrics: ['cost', 'messages'], ...byModel },
      { metrics: ['messages', 'latency_p95'], ...byModel },
      { metrics: ['errors'], ...byModel },
    ],
    want: [
      { query: { metrics: ['cost', 'messages', 'latency_p95', 'errors'], ...byModel }, members: [0, 1, 2] },
    ],
  },
  {
    name: 'a query repeating a metric asks for it once',
    input: [{ metrics: ['cost', 'cost'], ...byModel }],
    want: [{ query: { metrics: ['cost'], ...byModel }, members: [0] }],
  },
  {
    name: 'other dimensions: separate requests, in first-seen order',
    input: [
      { metrics: ['cost'], ...overTime },
      { metrics: ['cost'], ...byModel },
      { metrics: ['messages'], ...overTime },
    ],
    want: [
      { query: { metrics: ['cost', 'messages'], ...overTime }, members: [0, 2] },
      { query: { metrics: ['cost'], ...byModel }, members: [1] },
    ],
  },
  {
    name: 'a comparison, a filter, a limit or an order each keep queries apart',
    input: [
      { metrics: ['a'], ...overTime },
      { metrics: ['b'], ...overTime, compare: 'previous_period' },
      { metrics: ['c'], ...overTime, filters: ['eq', 'model', 'x'] },
      { metrics: ['d'], ...byModel, limit: 20 },
      { metrics: ['e'], ...byModel, order_by: [['e', 'desc']] },
      { metrics: ['f'], ...byModel },
    ],
    want: [
      { query: { metrics: ['a'], ...overTime }, members: [0] },
      { query: { metrics: ['b'], ...overTime, compare: 'previous_period' }, members: [1] },
      { query: { metrics: ['c'], ...overTime, filters: ['eq', 'model', 'x'] }, members: [2] },
      { query: { metrics: ['d'], ...byModel, limit: 20 }, members: [3] },
      { query: { metrics: ['e'], ...byModel, order_by: [['e', 'desc']] }, members: [4] },
      { query: { metrics: ['f'], ...byModel }, members: [5] },
    ],
  },
  {
    name: 'dimension order is meaning: [model, time] and [time, model] stay apart',
    input: [
      { metrics: ['a'], date_range: '7d', dimensions: ['model', 'time'] },
      { metrics: ['b'], date_range: '7d', dimensions: ['time', 'model'] },
    ],
    want: [
      { query: { metrics: ['a'], date_range: '7d', dimensions: ['model', 'time'] }, members: [0] },
      { query: { metrics: ['b'], date_range: '7d', dimensions: ['time', 'model'] }, members: [1] },
    ],
  },
  {
    name: 'key order is not meaning: the same query built in another key order coalesces',
    input: [
      { metrics: ['a'], date_range: { from: '2026-01-01', to: '2026-01-31' }, dimensions: ['model'] },
      { dimensions: ['model'], date_range: { to: '2026-01-31', from: '2026-01-01' }, metrics: ['b'] },
    ],
    want: [
      {
        query: {
          metrics: ['a', 'b'],
          date_range: { from: '2026-01-01', to: '2026-01-31' },
          dimensions: ['model'],
        },
        members: [0, 1],
      },
    ],
  },
];

describe('coalesceQueries', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const before = structuredClone(c.input);
      assert.deepEqual(coalesceQueries(c.input), c.want);
      assert.deepEqual(c.input, before, 'the issued queries are not changed');
    });
  }
});

describe('dashboardRequests', () => {
  const states: WidgetQueryState[] = [
    { dateRange: '30d', filter: undefined, compare: true },
    { dateRange: '7d', filter: ['in', 'rating', [5]], compare: false },
  ];
  for (const state of states) {
    it(`serves every widget with a query and the KPI row exactly once (${JSON.stringify(state)})`, () => {
      const requests = dashboardRequests(state);
      const issued = [
        { id: KPI_ROW, query: kpiQuery(state) },
        ...WIDGETS.flatMap((w) => (w.query ? [{ id: w.id, query: w.query(state) }] : [])),
      ];
      assert.deepEqual(requests.flatMap((r) => r.widgets).sort(), issued.map((w) => w.id).sort());
      for (const { id, query } of issued) {
        const served = requests.find((r) => r.widgets.includes(id))!;
        const { metrics, ...rest } = served.query;
        const { metrics: own, ...ownRest } = query;
        assert.deepEqual(rest, ownRest, `${id}: the request is its query but for metrics`);
        for (const m of own) assert.ok(metrics.includes(m), `${id}: the request asks for ${m}`);
      }
      // Requests differing only in metrics would be one: each request's non-metric part is unique.
      const shapes = requests.map(({ query: { metrics: _, ...rest } }) => JSON.stringify(rest));
      assert.equal(new Set(shapes).size, shapes.length);
    });
  }

  it('sends the same requests whether the KPI row and the sections are issued in one tick or two', () => {
    // On a first load the sections mount a tick after the KPI row; on a remount (their code already loaded) in
    // the same tick. The derived load holds for both only while no widget shares the KPI query's shape.
    const state: WidgetQueryState = { dateRange: '30d', filter: undefined, compare: true };
    const oneTick = coalesceQueries([
      kpiQuery(state),
      ...WIDGETS.flatMap((w) => (w.query ? [w.query(state)] : [])),
    ]).map((c) => c.query);
    assert.deepEqual(
      dashboardRequests(state).map((r) => r.query),
      oneTick,
    );
  });
});
