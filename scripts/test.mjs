// Runs every *.test.ts under packages/*/test with node's test runner (tsx for TypeScript), after providing what
// the chosen files need: Chromium and poppler-utils (installed when missing and possible), PostgreSQL (a stopped local cluster is
// started) and the dashboard build when it is missing or stale (a fresh clone has none; route and browser tests serve it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './ensureChromium.mjs';
import { ensurePoppler } from './ensurePoppler.mjs';
import { ensurePostgres } from './ensurePostgres.mjs';
import { testNeeds } from './testNeeds.mjs';

function find(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const only = process.argv.slice(2);
const files = only.length
  ? only
  : readdirSync('packages')
      .flatMap((pkg) => find(join('packages', pkg, 'test'), []))
      .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const needs = testNeeds(files);
const env = { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '8' };
if (needs.browser) env.CHROMIUM_PATH = ensureChromium();
if (needs.poppler) ensurePoppler();
const pgWarning = needs.postgres ? await ensurePostgres() : null;
if (pgWarning) console.error(`\nwarning: ${pgWarning}\n`);
const build = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--eval',
    "import('./packages/server/src/web/ensureWebBuild.ts').then((m) => m.ensureWebBuild())",
  ],
  { stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error('building the dashboard failed: see above');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
// Repeated here because the first one has scrolled away behind the failures it explains.
if (r.status !== 0 && pgWarning) console.error(`\nwarning: ${pgWarning}\n`);
process.exit(r.status ?? 1);
