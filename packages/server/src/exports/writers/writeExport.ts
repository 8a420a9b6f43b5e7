// Owns writing an export's tables to one file: one table as the format's own file, several as a ZIP of one
// file per table; written under a temporary name and renamed when complete, so a crash never leaves a partial
// file under the final name. Progress is rows written out of the tables' total.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { TableSource } from '../ExportScope.ts';
import { writeParquet } from './writeParquet.ts';
import { type TextFormat, writeText } from './writeText.ts';
import { writeZip } from './writeZip.ts';

export type FileFormat = TextFormat | 'parquet';

export interface ExportProgress {
  rows: number;
  total: number;
}

export interface WrittenExport {
  path: string;
  bytes: number;
  rows: number;
  zipped: boolean;
}

const CONTENT_TYPES: Record<FileFormat | 'zip', string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
  zip: 'application/zip',
};

/** The file's extension (no dot) and media type: a ZIP for several tables. */
export function exportFileType(
  format: FileFormat,
  tables: number,
): { extension: string; contentType: string } {
  const ext = tables > 1 ? 'zip' : format;
  return { extension: ext, contentType: CONTENT_TYPES[ext] };
}

/** The temporary name a file is written under, beside it (same file system, so the rename is atomic). */
export const partialPath = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.partial`);

export async function writeExport(opts: {
  format: FileFormat;
  tables: TableSource[];
  path: string;
  onProgress?: (p: ExportProgress) => void;
}): Promise<WrittenExport> {
  const { format, tables, path } = opts;
  const total = tables.reduce((n, t) => n + t.total, 0);
  let rows = 0;
  const onRows = (n: number) => {
    rows += n;
    opts.onProgress?.({ rows, total: Math.max(total, rows) });
  };
  opts.onProgress?.({ rows: 0, total });
  const tmp = partialPath(path);
  try {
    const direct = tables[0]?.copyTo && (format === 'csv' || format === 'parquet');
    if (tables.length !== 1) await writeZip(format, tables, tmp, onRows);
    else if (direct) onRows(await tables[0].copyTo!(tmp, format));
    else if (format === 'parquet') await writeParquet(tables[0], tmp, onRows);
    else {
      const out = createWriteStream(tmp);
      try {
        await writeText(format, tables[0], out, onRows);
        out.end();
        await finished(out);
      } catch (e) {
        // Closed before the file is removed: a stream still opening would create it again.
        out.destroy();
        await finished(out).catch(() => {});
        throw e;
      }
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { path, bytes: (await stat(path)).size, rows, zipped: tables.length !== 1 };
}
