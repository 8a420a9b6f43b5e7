// Table-driven validation tests: every malformed query fails with its stable error code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from '../../src/query/parseQuery.ts';
import { QueryError, type QueryErrorCode } from '../../src/query/QueryError.ts';

const base = { metrics: ['messages'], date_range: '30d' };

const cases: [string, unknown, QueryErrorCode][] = [
  ['not an object', 'messages', 'invalid_query'],
  ['no metrics', { date_range: '7d', metrics: [] }, 'invalid_query'],
  ['unknown top-level key', { ...base, sql: 'SELECT 1' }, 'invalid_query'],
  ['unknown metric', { ...base, metrics: ['messages', 'revenue'] }, 'unknown_metric'],
  ['metric listed twice', { ...base, metrics: ['cost', 'cost'] }, 'invalid_query'],
  ['unknown dimension', { ...base, dimensions: ['country'] }, 'unknown_dimension'],
  ['filter-only field as dimension', { ...base, dimensions: ['success'] }, 'unknown_dimension'],
  [
    'five dimensions',
    { ...base, dimensions: ['model', 'provider', 'role', 'session', 'user'] },
    'too_many_groups',
  ],
  ['limit above the cap', { ...base, limit: 1_000_000 }, 'too_many_groups'],
  ['negative limit', { ...base, limit: -1 }, 'invalid_query'],
  [
    'latency dimension with an evaluation metric',
    { ...base, metrics: ['success_rate'], dimensions: ['latency'] },
    'invalid_query',
  ],
  [
    'latency filter with a tool metric',
    { ...base, metrics: ['messages', 'tool_calls'], filters: ['and', [['gte', 'latency', 100]]] },
    'invalid_query',
  ],
  ['order_by on a field not requested', { ...base, order_by: [['cost', 'desc']] }, 'invalid_query'],
  ['bad relative range', { ...base, date_range: '14d' }, 'invalid_date_range'],
  ['from after to', { ...base, date_range: { from: '2025-02-01', to: '2025-01-01' } }, 'invalid_date_range'],
  [
    'from equals to (datetime)',
    { ...base, date_range: { from: '2025-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } },
    'invalid_date_range',
  ],
  ['not a date', { ...base, date_range: { from: 'yesterday', to: '2025-01-01' } }, 'invalid_date_range'],
  ['compare over all', { ...base, date_range: 'all', compare: 'previous_period' }, 'invalid_date_range'],
  ['unknown filter op', { ...base, filters: ['like', 'model', 'gpt%'] }, 'invalid_filter'],
  ['filter not a tuple', { ...base, filters: { model: 'gpt-4' } }, 'invalid_filter'],
  ['empty and', { ...base, filters: ['and', []] }, 'invalid_filter'],
  ['filter on unknown dimension', { ...base, filters: ['eq', 'country', 'NL'] }, 'unknown_dimension'],
  [
    'nested filter on unknown dimension',
    { ...base, filters: ['and', [['not', ['eq', 'x', 1]]]] },
    'unknown_dimension',
  ],
  ['eq with two values', { ...base, filters: ['eq', 'model', ['a', 'b']] }, 'invalid_filter'],
  ['gte on text', { ...base, filters: ['gte', 'model', 'a'] }, 'invalid_filter'],
  ['gte on rating with text', { ...base, filters: ['gte', 'rating', 'four'] }, 'invalid_filter'],
  ['contains on boolean', { ...base, filters: ['contains', 'widget', 'tr'] }, 'invalid_filter'],
  ['non-boolean success', { ...base, filters: ['eq', 'success', 'yes'] }, 'invalid_filter'],
  ['eq on time', { ...base, filters: ['eq', 'time', '2025-01-01'] }, 'invalid_filter'],
  ['gte time not a date', { ...base, filters: ['gte', 'time', 'soon'] }, 'invalid_filter'],
  [
    'too deep',
    {
      ...base,
      filters: ['not', ['not', ['not', ['not', ['not', ['not', ['not', ['not', ['eq', 'model', 'a']]]]]]]]],
    },
    'invalid_filter',
  ],
  [
    'too many leaves',
    { ...base, filters: ['or', Array.from({ length: 65 }, () => ['eq', 'model', 'a'])] },
    'invalid_filter',
  ],
  [
    'too many values',
    { ...base, filters: ['in', 'model', Array.from({ length: 1001 }, (_, i) => `m${i}`)] },
    'invalid_filter',
  ],
];

for (const [name, input, code] of cases) {
  test(`rejects ${name} with ${code}`, () => {
    assert.throws(
      () => parseQuery(input),
      (e: unknown) => e instanceof QueryError && e.code === code && e.message.length > 0,
    );
  });
}

test('the server may raise the row cap for its own readers', () => {
  assert.equal(parseQuery({ ...base, limit: 1_000_000 }, { maxRows: 1_000_000 }).limit, 1_000_000);
  assert.deepEqual(parseQuery({ ...base, dimensions: ['conversation', 'latency'] }).dimensions, [
    'conversation',
    'latency',
  ]);
});

test('QueryError serialises to the API error envelope', () => {
  try {
    parseQuery({ ...base, metrics: ['nope'] });
    assert.fail('expected a QueryError');
  } catch (e) {
    assert.ok(e instanceof QueryError);
    assert.deepEqual(e.toJSON(), {
      error: {
        code: 'unknown_metric',
        message: 'unknown metric "nope"',
        issues: [{ path: 'metrics[0]', message: 'unknown metric "nope"' }],
      },
    });
  }
});

test('accepts the seed dashboard filters and normalises leaf values to lists', () => {
  const q = parseQuery({
    metrics: ['messages', 'avg_rating'],
    dimensions: ['model'],
    date_range: { from: '2025-01-01', to: '2025-01-31' },
    filters: [
      'and',
      [
        ['in', 'rating', [4, 5]],
        ['eq', 'model', 'gpt-4o'],
        ['eq', 'success', 'true'],
        ['in', 'training_method', ['sft', 'dpo']],
        ['eq', 'session', 's1'],
        ['eq', 'widget', false],
      ],
    ],
    order_by: [['avg_rating', 'desc']],
    limit: 10,
  });
  assert.deepEqual(q.filters, [
    'and',
    [
      ['in', 'rating', [4, 5]],
      ['eq', 'model', ['gpt-4o']],
      ['eq', 'success', [true]],
      ['in', 'training_method', ['sft', 'dpo']],
      ['eq', 'session', ['s1']],
      ['eq', 'widget', [false]],
    ],
  ]);
});
