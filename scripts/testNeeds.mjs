// Owns telling which services a set of test files needs, from what they import (directly or through test helpers).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const BROWSER_LAUNCHER = resolve('packages/server/test/web/browser.ts');
const POPPLER_TOOLS = resolve('packages/server/test/exports/poppler.ts');
const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

// Walks relative imports within test folders only: the launchers live there, and not following src keeps it fast.
export function testNeeds(files) {
  const needs = { browser: false, postgres: false, poppler: false };
  const seen = new Set();
  const stack = files.map((f) => resolve(f));
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file === BROWSER_LAUNCHER) needs.browser = true;
    if (file === POPPLER_TOOLS) needs.poppler = true;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec === 'pg') needs.postgres = true;
      else if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (/[\\/]packages[\\/][^\\/]+[\\/]test[\\/]/.test(target)) stack.push(target);
      }
    }
  }
  return needs;
}
