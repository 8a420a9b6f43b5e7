// Owns creating EXPORT_DIR at start: a folder that cannot be made stops the server with the reason.
import { mkdir } from 'node:fs/promises';

export async function ensureExportDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new Error(`EXPORT_DIR ${dir} cannot be created: ${(e as Error).message}`);
  }
}
