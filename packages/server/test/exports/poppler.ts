// Owns the PDF tests' use of Debian's poppler-utils (pdfinfo, pdftoppm, pdftotext): scripts/test.mjs installs it
// when it can (files importing this module need it); when it is still missing, `POPPLER_MISSING` says why to skip.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const has = (cmd: string) => spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;

/** The skip reason, or false when the tools are there. */
export const POPPLER_MISSING: string | false =
  has('pdfinfo') && has('pdftoppm') && has('pdftotext')
    ? false
    : 'poppler-utils (pdfinfo, pdftoppm, pdftotext) is not installed and could not be installed: apt-get install -y poppler-utils';

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** pdfinfo's fields (`Pages`, `Page size`, `Title`…); throws when poppler cannot parse the file. */
export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** The text of the given pages (all when omitted), in reading order. */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
}

/** Renders one page to `outPng` (without the .png, which pdftoppm adds) at `dpi`. */
export function pdfPageToPng(file: string, page: number, outBase: string, dpi = 110): string {
  run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    outBase,
  ]);
  return `${outBase}.png`;
}

/** A path in the repository's git-ignored artifacts/ (the folder the browser tests' screenshots go to). */
export function artifactFile(name: string): string {
  const dir = resolve(import.meta.dirname, '../../../../artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
