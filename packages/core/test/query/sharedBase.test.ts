// When several parts read messages joined to conversations, the join runs once in a shared CTE; otherwise
// each part scans messages inline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CompileContext, compileQuery } from '../../src/query/compileQuery.ts';

const ctx = (dialect: 'duckdb' | 'postgres'): CompileContext => ({
  workspaceId: 'ws-1',
  now: new Date('2025-06-01T12:00:00Z'),
  dialect,
  slaThresholdMs: 1500,
  priceBook: {},
  catalogPrices: [],
});
const joins = (sql: string) => sql.split('LEFT JOIN conversations c').length - 1;
const placeholders = (sql: string) => [...new Set(sql.match(/\$\d+/g))].map((p) => Number(p.slice(1)));

const CASES: [name: string, metrics: string[], dims: string[], shared: boolean][] = [
  [
    'session table (message, holistic and evaluation parts)',
    ['messages', 'latency_p95', 'avg_rating'],
    ['session'],
    true,
  ],
  ['widget filter dims with two parts', ['messages', 'success_rate'], ['widget'], true],
  ['one part only', ['messages'], ['session'], false],
  ['no join needed', ['messages', 'latency_p95', 'avg_rating'], ['model'], false],
];

for (const dialect of ['duckdb', 'postgres'] as const) {
  for (const [name, metrics, dimensions, shared] of CASES) {
    test(`${dialect}: ${name} → ${shared ? 'one shared CTE' : 'inline scans'}`, () => {
      const { sql, params } = compileQuery({ metrics, dimensions, date_range: '30d' }, ctx(dialect));
      assert.equal(sql.startsWith('WITH mb AS MATERIALIZED ('), shared);
      if (shared) assert.equal(joins(sql), 1, 'the conversations join runs once');
      assert.ok(!sql.includes('\u0000'), 'no unresolved part placeholder');
      const used = placeholders(sql).sort((a, b) => a - b);
      assert.deepEqual(
        used,
        params.map((_, i) => i + 1),
        'every parameter used, none missing',
      );
    });
  }
}
