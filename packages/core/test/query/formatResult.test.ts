// Tests the reply shape: coercion of engine values, truncation, unpriced count, period-over-period change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileQuery } from '../../src/query/compileQuery.ts';
import { formatResult } from '../../src/query/formatResult.ts';

const ctx = {
  workspaceId: 'w',
  now: new Date('2025-06-08T00:00:00Z'),
  dialect: 'duckdb' as const,
  slaThresholdMs: 1000,
  priceBook: {},
  catalogPrices: [],
};

test('coerces bigint, numeric text and Date; strips __unpriced into meta; flags truncation', () => {
  const c = compileQuery(
    { metrics: ['messages', 'cost'], dimensions: ['time', 'rating'], date_range: '7d', limit: 2 },
    ctx,
  );
  const reply = formatResult(c, [
    { time: new Date('2025-06-01T00:00:00Z'), rating: '5', messages: 3n, cost: '0.5', __unpriced: 7n },
    { time: '2025-06-02T00:00:00Z', rating: 4n, messages: 2, cost: null, __unpriced: 7n },
    { time: '2025-06-03T00:00:00Z', rating: null, messages: 1, cost: 0, __unpriced: 7n },
  ]);
  assert.deepEqual(reply.rows, [
    { time: '2025-06-01T00:00:00Z', rating: 5, messages: 3, cost: 0.5 },
    { time: '2025-06-02T00:00:00Z', rating: 4, messages: 2, cost: null },
  ]);
  assert.equal(reply.meta.truncated, true);
  assert.equal(reply.meta.unpriced_messages, 7);
  assert.equal(reply.meta.time_bucket, 'day');
  assert.equal('priced' in reply.meta, false);
  assert.equal(JSON.stringify(reply).includes('__unpriced'), false);
});

test('change_pct matches previous-period rows by dimensions, time shifted by one window', () => {
  const c = compileQuery(
    {
      metrics: ['messages', 'avg_rating'],
      dimensions: ['time', 'model'],
      date_range: '7d',
      compare: 'previous_period',
    },
    ctx,
  );
  const reply = formatResult(
    c,
    [
      { time: '2025-06-02T00:00:00Z', model: 'a', messages: 30, avg_rating: 4 },
      { time: '2025-06-02T00:00:00Z', model: 'b', messages: 5, avg_rating: null },
      { time: '2025-06-03T00:00:00Z', model: 'a', messages: 10, avg_rating: 2 },
    ],
    [
      { time: '2025-05-26T00:00:00Z', model: 'a', messages: 20, avg_rating: 5 },
      { time: '2025-05-26T00:00:00Z', model: 'b', messages: 0, avg_rating: 3 },
    ],
  );
  assert.deepEqual(reply.comparison?.change_pct, [
    { messages: 50, avg_rating: -20 },
    { messages: null, avg_rating: null },
    { messages: null, avg_rating: null },
  ]);
  assert.equal(reply.comparison?.rows.length, 2);
  assert.equal(reply.meta.comparison_window?.to, '2025-06-01T00:00:00.000Z');
  assert.equal(reply.meta.unpriced_messages, undefined);
});

test('no dimensions: one statement holds both periods, split on __period', () => {
  const c = compileQuery({ metrics: ['errors', 'cost'], date_range: '30d', compare: 'previous_period' }, ctx);
  assert.equal(c.periods, true);
  assert.equal(c.comparison, undefined);
  const reply = formatResult(c, [
    { errors: 4, cost: 1, __period: 1, __unpriced: 9 },
    { errors: 3, cost: 2, __period: 0, __unpriced: 5 },
  ]);
  assert.deepEqual(reply.rows, [{ errors: 3, cost: 2 }]);
  assert.deepEqual(reply.comparison?.rows, [{ errors: 4, cost: 1 }]);
  assert.deepEqual(reply.comparison?.change_pct, [{ errors: -25, cost: 100 }]);
  assert.equal(reply.meta.unpriced_messages, 5);
});
