// Owns the text formats of one table written to a stream: CSV (header row, CRLF), a JSON array, JSON lines.
import type { Writable } from 'node:stream';
import type { ExportColumn, ExportValue } from '@llm-analytics/core';
import type { TableSource } from '../ExportScope.ts';
import { csvCell } from './csvCell.ts';
import { TextSink } from './TextSink.ts';

export type TextFormat = 'csv' | 'json' | 'jsonl';

/** A row as a JSON object: JSON columns inline as the JSON they hold, lists as arrays, timestamps as ISO text. */
function jsonRow(columns: ExportColumn[], keys: string[], row: ExportValue[]): string {
  let out = '{';
  for (let i = 0; i < columns.length; i++) {
    const v = row[i];
    const value = v !== null && columns[i].type === 'json' && typeof v === 'string' ? v : JSON.stringify(v);
    out += `${i ? ',' : ''}${keys[i]}:${value}`;
  }
  return `${out}}`;
}

/** Writes `table` to `out` (not ended); `onRows` after each chunk with the rows it held. */
export async function writeText(
  format: TextFormat,
  table: TableSource,
  out: Writable,
  onRows: (n: number) => void,
): Promise<void> {
  const sink = new TextSink(out);
  const { columns } = table;
  const keys = columns.map((c) => JSON.stringify(c.name));
  if (format === 'csv') await sink.write(`${columns.map((c) => csvCell(c.name, 'text')).join(',')}\r\n`);
  if (format === 'json') await sink.write('[');
  let first = true;
  for await (const chunk of table.chunks()) {
    for (const row of chunk) {
      if (format === 'csv') {
        let line = '';
        for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvCell(row[i], columns[i].type);
        await sink.write(`${line}\r\n`);
      } else if (format === 'json') {
        await sink.write(`${first ? '\n' : ',\n'}${jsonRow(columns, keys, row)}`);
      } else {
        await sink.write(`${jsonRow(columns, keys, row)}\n`);
      }
      first = false;
    }
    onRows(chunk.length);
  }
  if (format === 'json') await sink.write(first ? ']\n' : '\n]\n');
  await sink.flush();
}
