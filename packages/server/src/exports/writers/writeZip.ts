// Owns a ZIP of several tables' files (complete exports): text tables streamed into their entries as they are
// written, Parquet files and the files a store writes itself (COPY) added once written.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { TableSource } from '../ExportScope.ts';
import type { CopyFormat } from './copySelect.ts';
import { writeParquet } from './writeParquet.ts';
import { type TextFormat, writeText } from './writeText.ts';

/** The scratch folder beside the archive (the cleanup job removes stale ones after a killed run). */
export const SCRATCH_PREFIX = '.export-';

/** zlib's fastest level: a complete export's text is large and repetitive; level 6 costs ~3× for ~15% less. */
const COMPRESSION_LEVEL = 1;

export async function writeZip(
  format: TextFormat | 'parquet',
  tables: TableSource[],
  path: string,
  onRows: (n: number) => void,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as NodeJS.ReadableStream & { destroy(e?: Error): void };
  const done = pipeline(output, createWriteStream(path));
  // A table that fails mid-entry stops the whole archive: the output is torn down and its error rethrown.
  let failure: unknown;
  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (e) => {
      failure = e;
      reject(e);
      output.destroy();
    };
  });
  failed.catch(() => {});
  // Files the store writes itself (COPY), and Parquet files, are complete before they join the archive.
  const fromFiles = format === 'parquet' || (format === 'csv' && tables.every((t) => t.copyTo));
  const scratch = fromFiles ? await mkdtemp(join(dirname(path), SCRATCH_PREFIX)) : '';
  try {
    if (fromFiles) {
      for (const t of tables) {
        const file = join(scratch, `${t.name}.${format}`);
        if (t.copyTo) onRows(await t.copyTo(file, format as CopyFormat));
        else await writeParquet(t, file, onRows);
        // Parquet is compressed already.
        zip.addFile(file, `${t.name}.${format}`, {
          compressionLevel: format === 'csv' ? COMPRESSION_LEVEL : 0,
        });
      }
    } else {
      for (const t of tables) {
        zip.addReadStreamLazy(`${t.name}.${format}`, { compressionLevel: COMPRESSION_LEVEL }, (cb) => {
          const entry = new PassThrough();
          entry.on('error', () => {});
          cb(null, entry);
          writeText(format, t, entry, onRows).then(() => entry.end(), fail);
        });
      }
    }
    zip.end();
    await Promise.race([done, failed]);
  } catch (e) {
    output.destroy();
    await done.catch(() => {});
    throw failure ?? e;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
