// Owns measuring the dashboard's initial download: the entry script and every module it preloads, gzip'd.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}

/** Reads dist/index.html: `<script type=module src>` and `<link rel=modulepreload>` are what loads first. */
export function initialJsSize(dist: string): InitialSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const js = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f.replace(/^\//, '')))).length;
  const files = [...new Set(js)];
  return {
    files,
    rawBytes: files.reduce((n, f) => n + readFileSync(join(dist, f.replace(/^\//, ''))).length, 0),
    gzipBytes: files.reduce((n, f) => n + gz(f), 0),
    cssGzipBytes: css.reduce((n, f) => n + gz(f), 0),
  };
}
