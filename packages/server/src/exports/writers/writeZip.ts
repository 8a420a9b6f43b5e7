// Owns a ZIP of several tables' files (complete exports): text tables streamed into their entries as they are
// written, Parquet files added once written.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { TableSource } from '../ExportScope.ts';
import { writeParquet } from './writeParquet.ts';
import { type TextFormat, writeText } from './writeText.ts';

/** zlib's fastest level: a complete export's text is large and repetitive; level 6 costs ~3× for ~15% less. */
const COMPRESSION_LEVEL = 1;

export async function writeZip(
  format: TextFormat | 'parquet',
  tables: TableSource[],
  path: string,
  onRows: (n: number) => void,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(path));
  let failure: unknown;
  const scratch = format === 'parquet' ? await mkdtemp(join(dirname(path), '.parquet-')) : '';
  try {
    if (format === 'parquet') {
      for (const t of tables) {
        const file = join(scratch, `${t.name}.parquet`);
        await writeParquet(t, file, onRows);
        zip.addFile(file, `${t.name}.parquet`, { compress: false });
      }
    } else {
      for (const t of tables) {
        zip.addReadStreamLazy(`${t.name}.${format}`, { compressionLevel: COMPRESSION_LEVEL }, (cb) => {
          const entry = new PassThrough();
          cb(null, entry);
          writeText(format, t, entry, onRows).then(
            () => entry.end(),
            (e: unknown) => {
              failure = e;
              entry.destroy(e instanceof Error ? e : new Error(String(e)));
            },
          );
        });
      }
    }
    zip.end();
    await done;
  } catch (e) {
    zip.outputStream.unpipe();
    throw failure ?? e;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  if (failure) throw failure;
}
