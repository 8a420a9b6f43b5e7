// queryTables: the tables each kind of query reads, checked against what its SQL names (the compiled statement
// is the independent source: a table the query reads appears in it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileQuery, queryTables, TABLES } from '../../src/index.ts';
import type { AnalyticsQuery } from '../../src/query/AnalyticsQuery.ts';

const q = (p: Partial<AnalyticsQuery>): AnalyticsQuery => ({ metrics: ['messages'], date_range: '7d', ...p });

describe('queryTables', () => {
  it('follows each metric grain and the parents its table carries', () => {
    assert.deepEqual(queryTables(q({})), ['conversations', 'messages']);
    assert.deepEqual(queryTables(q({ metrics: ['success_rate'] })), [
      'conversations',
      'evaluations',
      'messages',
    ]);
    assert.deepEqual(queryTables(q({ metrics: ['tool_calls'] })), [
      'conversations',
      'messages',
      'tool_calls',
    ]);
  });

  it('adds the model registry for joined model attributes, and the tables of filtered dimensions', () => {
    assert.ok(queryTables(q({ dimensions: ['training_method'] })).includes('models'));
    assert.ok(!queryTables(q({ dimensions: ['model'] })).includes('models'));
    const filtered = queryTables(q({ filters: ['and', [['eq', 'failure_tag', 'x']]] }));
    assert.ok(filtered.includes('evaluations'));
  });

  it('names every table the compiled SQL reads', () => {
    const queries = [
      q({}),
      q({ metrics: ['success_rate', 'avg_rating'], dimensions: ['model'] }),
      q({ metrics: ['tool_success_rate'] }),
      q({ metrics: ['cost', 'messages'], dimensions: ['training_method'] }),
      q({ metrics: ['messages'], dimensions: ['conversation_length'] }),
    ];
    const stored = ['conversations', 'messages', 'evaluations', 'tool_calls', 'models'] as const;
    for (const query of queries) {
      const compiled = compileQuery(query, {
        workspaceId: 'ws-1',
        now: new Date('2026-01-01T00:00:00Z'),
        dialect: 'duckdb',
        slaThresholdMs: 1500,
        priceBook: {},
        catalogPrices: [],
      });
      const sql = JSON.stringify(compiled);
      const named = stored.filter((t) => new RegExp(`\\b(?:FROM|JOIN) ${TABLES[t].name}\\b`).test(sql));
      const derived = queryTables(query);
      for (const t of named) assert.ok(derived.includes(t), `${JSON.stringify(query)} reads ${t}`);
    }
  });
});
