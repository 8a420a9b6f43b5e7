// Checks the Postgres/Supabase cell parsers: booleans, numbers, timestamps, text arrays and JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CellError,
  normalizeTimestamp,
  parseBoolean,
  parseJsonCell,
  parseNumber,
  parseTextArray,
} from '../../src/importer/cellValues.ts';

describe('cell parsers', () => {
  it('reads Postgres and spelled-out booleans', () => {
    for (const v of ['t', 'TRUE', 'true', '1']) assert.equal(parseBoolean(v), true);
    for (const v of ['f', 'False', '0']) assert.equal(parseBoolean(v), false);
    assert.equal(parseBoolean(true), true);
    assert.throws(() => parseBoolean('maybe'), CellError);
  });

  it('reads decimal numbers only', () => {
    assert.equal(parseNumber('42'), 42);
    assert.equal(parseNumber(' 1.5 '), 1.5);
    assert.equal(parseNumber(7), 7);
    for (const bad of ['', 'abc', '0x1f', '1,000']) assert.throws(() => parseNumber(bad), CellError, bad);
  });

  it('normalises Postgres timestamps to ISO-8601 UTC', () => {
    assert.equal(normalizeTimestamp('2025-11-20 14:03:11.123+00'), '2025-11-20T14:03:11.123Z');
    assert.equal(normalizeTimestamp('2025-11-20 14:03:11.123456+00'), '2025-11-20T14:03:11.123Z');
    assert.equal(normalizeTimestamp('2025-11-20 14:03:11+05:30'), '2025-11-20T08:33:11.000Z');
    assert.equal(normalizeTimestamp('2025-11-20 14:03:11-0200'), '2025-11-20T16:03:11.000Z');
    assert.equal(normalizeTimestamp('2025-11-20 14:03:11'), '2025-11-20T14:03:11.000Z');
    assert.equal(normalizeTimestamp('2025-11-20T14:03:11.5Z'), '2025-11-20T14:03:11.500Z');
    assert.equal(normalizeTimestamp('2025-11-20'), '2025-11-20T00:00:00.000Z');
    for (const bad of ['yesterday', '2025-13-45 10:00:00', '20/11/2025']) {
      assert.throws(() => normalizeTimestamp(bad), CellError, bad);
    }
  });

  it('reads Postgres array literals, JSON arrays and plain lists', () => {
    assert.deepEqual(parseTextArray('{}'), []);
    assert.deepEqual(parseTextArray('{hallucination,"off topic"}'), ['hallucination', 'off topic']);
    assert.deepEqual(parseTextArray('{"a \\"quoted\\" tag","comma, inside",NULL,x}'), [
      'a "quoted" tag',
      'comma, inside',
      'x',
    ]);
    assert.deepEqual(parseTextArray('["refusal","incomplete"]'), ['refusal', 'incomplete']);
    assert.deepEqual(parseTextArray('refusal, off_topic'), ['refusal', 'off_topic']);
    assert.deepEqual(parseTextArray(['a']), ['a']);
    assert.throws(() => parseTextArray('{a,"b}'), CellError);
    assert.throws(() => parseTextArray('{{a},{b}}'), CellError);
  });

  it('decodes JSON text', () => {
    assert.deepEqual(parseJsonCell('{"a":[1,2]}'), { a: [1, 2] });
    assert.deepEqual(parseJsonCell({ a: 1 }), { a: 1 });
    assert.throws(() => parseJsonCell('{oops'), CellError);
  });
});
