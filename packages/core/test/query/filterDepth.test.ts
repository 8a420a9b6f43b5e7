// Table-driven: filter trees and hostile shapes of any depth fail parseQuery with a coded QueryError at their
// path, never a RangeError; trees within QUERY_LIMITS.filterDepth pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QUERY_LIMITS } from '../../src/query/AnalyticsQuery.ts';
import { parseQuery } from '../../src/query/parseQuery.ts';
import { QueryError, type QueryErrorCode } from '../../src/query/QueryError.ts';

const MAX = QUERY_LIMITS.filterDepth;
const base = { metrics: ['messages'], date_range: '30d' };
const leaf = ['in', 'model', ['a', 'b']];

/** `levels` filter levels (the leaf included), each wrapper made by `wrap`; built by a loop, any depth. */
function tree(levels: number, wrap: (inner: unknown) => unknown, bottom: unknown = leaf): unknown {
  let f = bottom;
  for (let i = 1; i < levels; i++) f = wrap(f);
  return f;
}
const not = (f: unknown) => ['not', f];
const and = (f: unknown) => ['and', [['eq', 'role', 'user'], f]];
const or = (f: unknown) => ['or', [f]];
const mixed = (f: unknown) => (Array.isArray(f) && f[0] === 'not' ? and(f) : not(f));

/** The path the compiler names for the first node below the limit of a `not` chain: `filters[1][1]…`. */
const notPath = `filters${'[1]'.repeat(MAX)}`;

const ok: [string, unknown][] = [
  [`${MAX} levels of not`, tree(MAX, not)],
  [`${MAX} levels of and`, tree(MAX, and)],
  [`${MAX} levels of or`, tree(MAX, or)],
  [`${MAX} levels of and and not`, tree(MAX, mixed)],
];

const rejected: [string, unknown, QueryErrorCode, string | RegExp][] = [
  [`${MAX + 1} levels of not`, { ...base, filters: tree(MAX + 1, not) }, 'invalid_filter', notPath],
  [
    `${MAX + 1} levels of and`,
    { ...base, filters: tree(MAX + 1, and) },
    'invalid_filter',
    `filters${'[1][1]'.repeat(MAX - 1)}[1][0]`,
  ],
  ['5,000 levels of not', { ...base, filters: tree(5000, not) }, 'invalid_filter', notPath],
  ['100,000 levels of not', { ...base, filters: tree(100_000, not) }, 'invalid_filter', notPath],
  [
    '100,000 levels of or',
    { ...base, filters: tree(100_000, or) },
    'invalid_filter',
    /^filters(\[1\]\[0\])+$/,
  ],
  [
    '100,000 levels of and and not',
    { ...base, filters: tree(100_000, mixed) },
    'invalid_filter',
    /^filters\[/,
  ],
  // Malformed trees the schema still descends into (it tries every alternative on every array).
  [
    '100,000 levels of ["x", f]',
    { ...base, filters: tree(100_000, (f) => ['x', f]) },
    'invalid_filter',
    /^filters\[/,
  ],
  [
    '100,000 levels of ["x", [f]]',
    { ...base, filters: tree(100_000, (f) => ['x', [f]]) },
    'invalid_filter',
    /^filters\[/,
  ],
  [
    '100,000 levels of ["not", [f]]',
    { ...base, filters: tree(100_000, (f) => ['not', [f]]) },
    'invalid_filter',
    /^filters\[/,
  ],
  [
    '100,000 levels of ["and", f]',
    { ...base, filters: tree(100_000, (f) => ['and', f]) },
    'invalid_filter',
    /^filters\[/,
  ],
  [
    '100,000 levels of ["eq", f, 1]',
    { ...base, filters: tree(100_000, (f) => ['eq', f, 1]) },
    'invalid_filter',
    /^filters\[/,
  ],
  ['100,000 levels of [f]', { ...base, filters: tree(100_000, (f) => [f]) }, 'invalid_filter', /^filters/],
  // Deep JSON where the schema does not recurse: a plain shape error from the schema.
  [
    '100,000 levels of {a: f}',
    { ...base, filters: tree(100_000, (f) => ({ a: f })) },
    'invalid_filter',
    'filters',
  ],
  [
    'deep value list of a leaf (arrays nest no deeper in any filter within the limit)',
    { ...base, filters: ['in', 'model', tree(100_000, (f) => [f], 'a')] },
    'invalid_filter',
    /^filters\[2\](\[0\])+$/,
  ],
  ['deep metrics', { ...base, metrics: tree(100_000, (f) => [f], 'messages') }, 'invalid_query', /^metrics/],
  [
    'deep dimensions',
    { ...base, dimensions: tree(100_000, (f) => [f], 'model') },
    'invalid_query',
    /^dimensions/,
  ],
  ['deep order_by', { ...base, order_by: tree(100_000, (f) => [f], 'x') }, 'invalid_query', /^order_by/],
  [
    'deep date_range',
    { ...base, date_range: tree(100_000, (f) => ({ from: f }), 'x') },
    'invalid_date_range',
    /^date_range/,
  ],
  ['deep unknown key', { ...base, extra: tree(100_000, (f) => [f]) }, 'invalid_query', /.*/],
  ['deep body', tree(100_000, (f) => [f], base), 'invalid_query', /.*/],
];

for (const [name, filters] of ok) {
  test(`accepts ${name}`, () => {
    assert.deepEqual(parseQuery({ ...base, filters }).filters !== undefined, true);
  });
}

for (const [name, input, code, path] of rejected) {
  test(`rejects ${name} with ${code} at its path`, () => {
    let error: unknown;
    try {
      parseQuery(input);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof QueryError, `expected a QueryError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (typeof path === 'string') assert.equal(error.path, path);
    else assert.match(error.path, path);
    assert.ok(error.path.length < 200, 'the path names a node near the limit, not the bottom');
    if (code === 'invalid_filter' && error.path !== 'filters') {
      assert.equal(error.message, `${error.path}: filter trees nest at most ${MAX} levels deep`);
    }
  });
}

test(`the depth error states the limit (${MAX})`, () => {
  assert.throws(
    () => parseQuery({ ...base, filters: tree(5000, not) }),
    (e: unknown) =>
      e instanceof QueryError && e.message === `${notPath}: filter trees nest at most ${MAX} levels deep`,
  );
});
