// Runs every *.test.ts under packages/*/test with node's test runner (tsx for TypeScript), after building the
// dashboard when its build is missing or stale (a fresh clone has none; route and browser tests serve it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  { stdio: 'inherit', env: { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '8' } },
);
process.exit(r.status ?? 1);
