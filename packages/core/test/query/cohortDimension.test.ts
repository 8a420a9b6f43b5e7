// The `cohort` dimension and filter: accepted ops, one semi-join per leaf on both dialects, the tables it reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyticsQuery } from '../../src/query/AnalyticsQuery.ts';
import { compileQuery } from '../../src/query/compileQuery.ts';
import type { DialectName } from '../../src/query/dialect/SqlDialect.ts';
import { parseQuery } from '../../src/query/parseQuery.ts';
import { QueryError } from '../../src/query/QueryError.ts';
import { queryTables } from '../../src/query/queryTables.ts';

const ctx = (dialect: DialectName) => ({
  workspaceId: 'ws-1',
  now: new Date('2025-06-01T12:00:00Z'),
  dialect,
  slaThresholdMs: 1500,
  priceBook: { default: { input_per_1k: 0.001, output_per_1k: 0.002 } },
  catalogPrices: [],
});

const count = (sql: string, s: string) => sql.split(s).length - 1;

describe('cohort filter and dimension', () => {
  const cases: { name: string; q: AnalyticsQuery; semis: number; joins: number }[] = [
    {
      name: 'in: one semi-join on the membership, no membership join',
      q: { metrics: ['messages'], filters: ['in', 'cohort', ['a', 'b']], date_range: '30d' },
      semis: 1,
      joins: 0,
    },
    {
      name: 'not in, combined with other filters',
      q: {
        metrics: ['messages'],
        filters: [
          'and',
          [
            ['not_in', 'cohort', ['a']],
            ['eq', 'model', 'm'],
            ['lte', 'rating', 2],
          ],
        ],
        date_range: '30d',
      },
      semis: 1,
      joins: 0,
    },
    {
      name: 'grouped: the membership joins each part once',
      q: { metrics: ['messages', 'avg_rating'], dimensions: ['cohort'], date_range: '30d' },
      semis: 0,
      joins: 2,
    },
  ];
  for (const dialect of ['duckdb', 'postgres'] as const) {
    for (const c of cases) {
      it(`${dialect}: ${c.name}`, () => {
        const { sql, params } = compileQuery(parseQuery(c.q), ctx(dialect));
        assert.equal(count(sql, 'FROM analytics_cohort_members ms'), c.semis);
        assert.equal(count(sql, 'LEFT JOIN analytics_cohort_members co'), c.joins);
        // Cohort ids are bound, never spliced into the SQL.
        assert.ok(!sql.includes("'a'"));
        if (c.semis) assert.ok(params.includes('a'));
      });
    }
  }

  it('takes eq, neq, in and not_in; refuses contains and ranges', () => {
    for (const op of ['eq', 'neq', 'in', 'not_in'] as const)
      parseQuery({
        metrics: ['messages'],
        filters: [op, 'cohort', op.includes('in') ? ['a'] : 'a'],
        date_range: '7d',
      });
    for (const f of [
      ['contains', 'cohort', 'a'],
      ['gte', 'cohort', 1],
    ]) {
      assert.throws(
        () => parseQuery({ metrics: ['messages'], filters: f, date_range: '7d' }),
        (e: unknown) => e instanceof QueryError && e.code === 'invalid_filter',
      );
    }
  });

  it('a query filtered or grouped by cohort reads the membership table (live data events re-run it)', () => {
    assert.ok(
      queryTables({ metrics: ['messages'], filters: ['in', 'cohort', ['a']], date_range: '7d' }).includes(
        'analytics_cohort_members',
      ),
    );
    assert.ok(
      queryTables({ metrics: ['users'], dimensions: ['cohort'], date_range: '7d' }).includes(
        'analytics_cohort_members',
      ),
    );
  });
});
