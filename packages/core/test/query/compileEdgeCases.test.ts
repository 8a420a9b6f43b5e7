// Compiler regressions found by the server's oracle tests: NULL tag lists under `not contains`, unpriced counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyticsQuery } from '../../src/query/AnalyticsQuery.ts';
import { type CompileContext, compileQuery } from '../../src/query/compileQuery.ts';
import type { DialectName } from '../../src/query/dialect/SqlDialect.ts';

function ctx(dialect: DialectName): CompileContext {
  return {
    workspaceId: 'ws-1',
    now: new Date('2025-06-01T12:00:00Z'),
    dialect,
    slaThresholdMs: 1500,
    priceBook: { providers: { openai: { input_per_1k: 0.005, output_per_1k: 0.015 } } },
    catalogPrices: [],
  };
}

for (const dialect of ['duckdb', 'postgres'] as const) {
  test(`${dialect}: contains on a tag list treats a NULL list as no match, so "not contains" keeps it`, () => {
    const q: AnalyticsQuery = {
      metrics: ['evaluations'],
      date_range: '30d',
      filters: ['not', ['contains', 'failure_tag', 'hall']],
    };
    const { sql } = compileQuery(q, ctx(dialect));
    assert.match(sql, /NOT COALESCE\((len\(list_filter|EXISTS).*, FALSE\)/);
  });

  test(`${dialect}: unpriced messages are counted once when a dimension spreads a message over groups`, () => {
    for (const dim of ['rating', 'failure_tag', 'tool']) {
      const { sql } = compileQuery({ metrics: ['cost'], dimensions: [dim], date_range: '30d' }, ctx(dialect));
      assert.match(
        sql,
        /\(SELECT count\(\*\) FROM \(SELECT DISTINCT b\.id, b\.model_id AS pm, b\.provider AS pp /,
      );
      assert.doesNotMatch(sql, /sum\(r\.p_unpriced\) OVER/);
    }
    const { sql } = compileQuery(
      { metrics: ['cost'], dimensions: ['model'], date_range: '30d' },
      ctx(dialect),
    );
    assert.match(sql, /COALESCE\(sum\(r\.p_unpriced\) OVER \(\), 0\) AS "__unpriced"/);
  });
}
