// explainQuery renders, per dialect, exactly the statements compileQuery returns for the same context: for
// every golden case (each metric alone and each query shape), so `explain` never shows SQL that does not run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileQuery } from '../../src/query/compileQuery.ts';
import { explainQuery } from '../../src/query/explainQuery.ts';
import { parseQuery } from '../../src/query/parseQuery.ts';
import { planQuery } from '../../src/query/plan/planQuery.ts';
import { GOLDEN_QUERIES } from './goldenQueries.ts';

const ctx = {
  workspaceId: 'ws-1',
  now: new Date('2025-06-01T12:00:00Z'),
  slaThresholdMs: 1500,
  priceBook: { default: { input_per_1k: 0.001, output_per_1k: 0.002 } },
  catalogPrices: [
    { provider: 'anthropic', model_id: 'claude', price: { input_per_1k: 0.003, output_per_1k: 0.015 } },
  ],
  dataSpan: { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-06-01T00:00:00Z') },
};

test('explainQuery renders what compileQuery compiles, for every golden case on both dialects', () => {
  for (const [name, q] of Object.entries(GOLDEN_QUERIES)) {
    const x = explainQuery(q, ctx, [{ dialect: 'duckdb', workspaceKey: 7 }, { dialect: 'postgres' }]);
    assert.deepEqual(x.plan, planQuery(parseQuery(q), ctx), name);
    assert.deepEqual(
      x.rendered.map((r) => r.dialect),
      ['duckdb', 'postgres'],
    );
    assert.deepEqual(
      x.rendered[0].compiled,
      compileQuery(q, { ...ctx, dialect: 'duckdb', workspaceKey: 7 }),
      name,
    );
    assert.deepEqual(x.rendered[1].compiled, compileQuery(q, { ...ctx, dialect: 'postgres' }), name);
  }
});
