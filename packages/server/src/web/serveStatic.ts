// Owns reading one file of the dashboard build safely: path confinement, content type, cache policy.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  cacheControl: string;
}

/** Reads `urlPath` under `root`; null when it is not a file there (or tries to leave `root`). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    const body = await readFile(full);
    const hashed = decoded.startsWith('/assets/');
    return {
      body,
      type: TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
      // Vite puts a content hash in every asset name: cache those for a year; the HTML always revalidates.
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
  } catch {
    return null;
  }
}
