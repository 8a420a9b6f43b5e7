// Checks the RFC-4180 CSV parser on the cases exports actually contain, fed whole and in awkward chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsvParser, CsvSyntaxError, parseCsv } from '../../src/importer/CsvParser.ts';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

/** Feeds `text` in pieces of `size` characters, so quotes, CR and LF land on chunk boundaries. */
function chunked(text: string, size: number) {
  const p = new CsvParser();
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
  return [...out, ...p.end()];
}

describe('CsvParser', () => {
  it('parses plain records with and without a trailing newline', () => {
    assert.deepEqual(fields('a,b,c\n1,2,3\n'), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    assert.deepEqual(fields('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles quoted commas, embedded newlines and "" escapes', () => {
    assert.deepEqual(fields('x,y\n"a, b","line 1\nline 2"\n"say ""hi""",""""\n'), [
      ['x', 'y'],
      ['a, b', 'line 1\nline 2'],
      ['say "hi"', '"'],
    ]);
  });

  it('tells NULL (unquoted empty) from the empty string (quoted empty)', () => {
    assert.deepEqual(fields('a,b,c\n,"",\n'), [
      ['a', 'b', 'c'],
      [null, '', null],
    ]);
  });

  it('accepts CRLF, strips a BOM, skips blank lines and keeps CR inside quotes', () => {
    assert.deepEqual(fields('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n'), [
      ['a', 'b'],
      ['1', 'x\r\ny'],
      ['2', '3'],
    ]);
  });

  it('reports the physical line where each record starts', () => {
    const recs = parseCsv('h1,h2\n"multi\nline\nvalue",1\n\nlast,2\n');
    assert.deepEqual(
      recs.map((r) => r.line),
      [1, 2, 6],
    );
    assert.deepEqual(
      parseCsv('h\r\n"a\r\nb"\r\nc\r\n').map((r) => r.line),
      [1, 2, 4],
    );
  });

  it('gives the same records whatever the chunk size', () => {
    const text = 'id,content\r\n1,"he said ""yes""\r\nthen left"\r\n2,plain\n3,""\n';
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(chunked(text, size), whole, `chunk size ${size}`);
  });

  it('keeps a stray quote inside an unquoted field literally', () => {
    assert.deepEqual(fields('a\n5" screen\n'), [['a'], ['5" screen']]);
  });

  it('rejects an unterminated quote and text after a closing quote, naming the line', () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"open\nstill open'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 3,
    );
    assert.throws(
      () => parseCsv('a\n"x"y\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2 && /closing quote/.test(e.message),
    );
  });
});
