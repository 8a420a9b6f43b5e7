// Owns reading an import file as a stream of rows with their line numbers: CSV (header row + records),
// JSON Lines, or a JSON array (as Supabase's "export as JSON" writes). The format follows the extension.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { CsvParser, type CsvRecord, CsvSyntaxError } from './CsvParser.ts';
import { ImportError } from './ImportError.ts';

export interface SourceRecord {
  /** 1-based line where the record starts, or element number for a JSON array (see `unit`). */
  line: number;
  row: Record<string, unknown>;
}

export interface RecordSource {
  /** How `line` counts: physical lines, or elements of a top-level JSON array. */
  readonly unit: 'line' | 'record';
  /** Bytes consumed from the file so far, for progress. */
  bytesRead(): number;
  records(): AsyncGenerator<SourceRecord>;
}

export function importFormat(file: string): 'csv' | 'json' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'json';
  throw new Error(`cannot tell the format of "${file}": use a .csv, .jsonl, .ndjson or .json file`);
}

export function openRecordSource(file: string): RecordSource {
  const format = importFormat(file);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const source = {
    unit: 'line' as 'line' | 'record',
    bytesRead: () => stream.bytesRead,
    records: () => (format === 'csv' ? csvRecords(file, stream) : jsonRecords(file, stream, source)),
  };
  return source;
}

async function* csvRecords(file: string, chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  const parser = new CsvParser();
  let header: string[] | null = null;
  function* toRows(records: CsvRecord[]): Generator<SourceRecord> {
    for (const rec of records) {
      if (!header) {
        header = rec.fields.map((f, i) => {
          const name = (f ?? '').trim();
          if (!name) throw new ImportError(file, rec.line, null, `header column ${i + 1} has no name`);
          return name;
        });
        const dup = header.find((h, i) => header?.indexOf(h) !== i);
        if (dup) throw new ImportError(file, rec.line, dup, 'column appears twice in the header');
        continue;
      }
      if (rec.fields.length !== header.length) {
        throw new ImportError(
          file,
          rec.line,
          null,
          `expected ${header.length} fields as in the header, found ${rec.fields.length}`,
        );
      }
      const row: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) row[header[i]] = rec.fields[i];
      yield { line: rec.line, row };
    }
  }
  try {
    for await (const chunk of chunks) yield* toRows(parser.push(chunk));
    yield* toRows(parser.end());
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new ImportError(file, err.line, null, err.message.replace(/^line \d+: /, ''));
    throw err;
  }
}

async function* jsonRecords(
  file: string,
  chunks: AsyncIterable<string>,
  source: { unit: 'line' | 'record' },
): AsyncGenerator<SourceRecord> {
  let carry = '';
  let line = 0;
  let decided = false;
  let array = false;
  for await (const chunk of chunks) {
    carry += chunk;
    if (!decided) {
      const start = carry.trimStart();
      if (start === '') continue;
      decided = true;
      array = start.startsWith('[');
    }
    // A JSON array cannot be split on lines; it is read whole (Supabase's JSON export sizes allow that).
    if (array) continue;
    let nl = carry.indexOf('\n');
    let from = 0;
    while (nl !== -1) {
      line++;
      const rec = parseLine(file, carry.slice(from, nl), line);
      if (rec) yield rec;
      from = nl + 1;
      nl = carry.indexOf('\n', from);
    }
    carry = carry.slice(from);
  }
  if (array) {
    source.unit = 'record';
    let items: unknown;
    try {
      items = JSON.parse(carry);
    } catch (err) {
      throw new ImportError(file, 1, null, `invalid JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(items)) throw new ImportError(file, 1, null, 'expected a JSON array of objects');
    for (let i = 0; i < items.length; i++)
      yield { line: i + 1, row: asObject(file, items[i], i + 1, 'record') };
    return;
  }
  const rec = parseLine(file, carry, line + 1);
  if (rec) yield rec;
}

function parseLine(file: string, text: string, line: number): SourceRecord | null {
  const t = text.trim();
  if (t === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (err) {
    throw new ImportError(file, line, null, `invalid JSON: ${(err as Error).message}`);
  }
  return { line, row: asObject(file, value, line, 'line') };
}

function asObject(file: string, v: unknown, line: number, unit: 'line' | 'record'): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new ImportError(file, line, null, 'expected a JSON object', unit);
  }
  return v as Record<string, unknown>;
}
