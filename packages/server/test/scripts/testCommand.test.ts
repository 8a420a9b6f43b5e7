// Owns checking, through the real scripts/test.mjs, that the browser is resolved before tests that need it and only then.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { testNeeds } from '../../../../scripts/testNeeds.mjs';

const ROOT = resolve(import.meta.dirname, '../../../..');
const FIXTURES = 'packages/server/test/scripts/fixtures';

function runTests(file: string, env: Record<string, string>) {
  // Without this the inner `node --test` sees it runs inside a test and skips its files.
  const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
  const r = spawnSync(process.execPath, ['scripts/test.mjs', `${FIXTURES}/${file}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...outer, ...env },
    timeout: 300_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('a test file needing the browser does not run when the chosen browser is missing: npm test says why first', () => {
  const { status, out } = runTests('needsBrowser.ts', { CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.equal(status, 1, out);
  assert.match(out, /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/);
  assert.doesNotMatch(out, /fixture that imports the browser launcher ran/);
});

test('a test file needing no browser runs without one (nothing installed, nothing asked)', () => {
  const { status, out } = runTests('needsNothing.ts', { CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.equal(status, 0, out);
  assert.match(out, /fixture that needs nothing ran/);
  assert.doesNotMatch(out, /chromium/i);
});

test('the real test files needing the browser are exactly those that launch it', () => {
  const web = join(ROOT, 'packages/server/test/web');
  const tests = readdirSync(web).filter((f) => f.endsWith('.test.ts'));
  // Independent of testNeeds' import walk: a plain text search for the launcher's call.
  const launching = tests.filter((f) => readFileSync(join(web, f), 'utf8').includes('launchBrowser('));
  assert.ok(
    launching.length > 0 && launching.length < tests.length,
    'the folder has browser and non-browser tests',
  );
  for (const f of tests) assert.equal(testNeeds([join(web, f)]).browser, launching.includes(f), f);
});
