// When several message parts read messages joined to conversation lengths, that runs once in a shared CTE;
// otherwise each part scans messages inline. Conversation attributes are carried on messages, never joined.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CompileContext, compileQuery } from '../../src/query/compileQuery.ts';
import type { DialectName } from '../../src/query/dialect/SqlDialect.ts';

const ctx = (dialect: DialectName): CompileContext => ({
  workspaceId: 'ws-1',
  now: new Date('2025-06-01T12:00:00Z'),
  dialect,
  slaThresholdMs: 1500,
  priceBook: {},
  catalogPrices: [],
});
const joins = (sql: string) => sql.split('count(*) AS n FROM messages cm').length - 1;
const placeholders = (sql: string) => [...new Set(sql.match(/\$\d+/g))].map((p) => Number(p.slice(1)));

const CASES: [name: string, metrics: string[], dims: string[], shared: boolean][] = [
  [
    'length table (priced, holistic and evaluation parts)',
    ['cost', 'latency_p95', 'avg_rating'],
    ['conversation_length'],
    true,
  ],
  [
    'training table (models join is cheap)',
    ['cost', 'latency_p95', 'avg_rating'],
    ['training_method'],
    false,
  ],
  ['session table (nothing joined)', ['messages', 'latency_p95', 'avg_rating'], ['session'], false],
  ['one message part only', ['messages', 'success_rate'], ['base_model'], false],
  ['no join needed', ['messages', 'latency_p95', 'avg_rating'], ['model'], false],
];

for (const dialect of ['duckdb', 'postgres'] as const) {
  for (const [name, metrics, dimensions, shared] of CASES) {
    test(`${dialect}: ${name} → ${shared ? 'one shared CTE' : 'inline scans'}`, () => {
      const { sql, params } = compileQuery({ metrics, dimensions, date_range: '30d' }, ctx(dialect));
      assert.equal(sql.startsWith('WITH mb AS MATERIALIZED ('), shared);
      if (shared) assert.equal(joins(sql), 2, 'lengths are counted once for messages, once for evaluations');
      assert.ok(!sql.includes('JOIN conversations'), 'conversation attributes are carried, not joined');
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
