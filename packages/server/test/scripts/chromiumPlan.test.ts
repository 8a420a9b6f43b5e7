// Owns the table of machines npm test may meet and what it does about Chromium on each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ChromiumFacts, chromiumPlan, DEFAULT_CHROMIUM } from '../../../../scripts/chromiumPlan.mjs';

const files =
  (...present: string[]) =>
  (p: string) =>
    present.includes(p);
const debianRoot: ChromiumFacts = {
  envPath: undefined,
  exists: files(),
  root: true,
  apt: true,
  debian: true,
};

test('an existing browser is used as is, whatever else holds', () => {
  for (const facts of [
    { ...debianRoot, exists: files(DEFAULT_CHROMIUM) },
    { ...debianRoot, exists: files(DEFAULT_CHROMIUM), root: false, apt: false, debian: false },
  ]) {
    assert.deepEqual(chromiumPlan(facts), { action: 'use', path: DEFAULT_CHROMIUM });
  }
  assert.deepEqual(
    chromiumPlan({ ...debianRoot, envPath: '/opt/c/chrome', exists: files('/opt/c/chrome') }),
    {
      action: 'use',
      path: '/opt/c/chrome',
    },
  );
  // An empty CHROMIUM_PATH (`CHROMIUM_PATH= npm test`) means unset, not "the file named ''".
  assert.deepEqual(chromiumPlan({ ...debianRoot, envPath: '', exists: files(DEFAULT_CHROMIUM) }), {
    action: 'use',
    path: DEFAULT_CHROMIUM,
  });
});

test('missing on Debian as root: installs Debian chromium with the commands .ci/run used to run', () => {
  assert.deepEqual(chromiumPlan(debianRoot), {
    action: 'install',
    path: DEFAULT_CHROMIUM,
    commands: [
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'chromium'],
    ],
  });
});

test('a CHROMIUM_PATH that does not exist stops, even where an install would be possible', () => {
  const plan = chromiumPlan({ ...debianRoot, envPath: '/nope/chromium', exists: files(DEFAULT_CHROMIUM) });
  assert.equal(plan.action, 'stop');
  assert.equal(plan.action === 'stop' && plan.code, 'chromium_path_missing');
  assert.match(plan.action === 'stop' ? plan.message : '', /CHROMIUM_PATH=\/nope\/chromium does not exist/);
});

test('missing and not installable here: stops with the exact command to run', () => {
  const rows: [Partial<ChromiumFacts>, string, string][] = [
    [{ root: false }, 'chromium_needs_root', 'sudo apt-get update && sudo apt-get install -y chromium'],
    [{ apt: false }, 'chromium_unsupported_os', 'CHROMIUM_PATH=/path/to/chromium npm test'],
    [{ debian: false }, 'chromium_unsupported_os', 'CHROMIUM_PATH=/path/to/chromium npm test'],
    [
      { apt: false, debian: false, root: false },
      'chromium_unsupported_os',
      'CHROMIUM_PATH=/path/to/chromium npm test',
    ],
  ];
  for (const [change, code, command] of rows) {
    const plan = chromiumPlan({ ...debianRoot, ...change });
    assert.equal(plan.action, 'stop', JSON.stringify(change));
    if (plan.action !== 'stop') continue;
    assert.equal(plan.code, code, JSON.stringify(change));
    // The command stands alone on its own line, so it can be copied as is.
    assert.ok(
      plan.message.split('\n').some((line) => line.trim() === command),
      plan.message,
    );
  }
});
