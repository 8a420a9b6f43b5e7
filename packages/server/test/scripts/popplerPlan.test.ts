// Owns the table of machines npm test may meet and what it does about poppler-utils (the PDF report checks) on
// each, and that exactly the test files using the poppler helper ask for it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { type PopplerFacts, popplerPlan } from '../../../../scripts/popplerPlan.mjs';
import { testNeeds } from '../../../../scripts/testNeeds.mjs';

const debianRoot: PopplerFacts = { onPath: false, root: true, apt: true, debian: true };

test('poppler on PATH is used as is, whatever else holds', () => {
  for (const facts of [
    { ...debianRoot, onPath: true },
    { onPath: true, root: false, apt: false, debian: false },
  ])
    assert.deepEqual(popplerPlan(facts), { action: 'use' });
});

test("Debian as root installs Debian's poppler-utils", () => {
  assert.deepEqual(popplerPlan(debianRoot), {
    action: 'install',
    commands: [
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'poppler-utils'],
    ],
  });
});

test('elsewhere the run goes on and the PDF checks skip, saying how to get poppler', () => {
  const noRoot = popplerPlan({ ...debianRoot, root: false });
  assert.equal(noRoot.action, 'skip');
  assert.match(
    noRoot.action === 'skip' ? noRoot.message : '',
    /sudo apt-get update && sudo apt-get install -y poppler-utils/,
  );
  const other = popplerPlan({ ...debianRoot, debian: false });
  assert.equal(other.action, 'skip');
  assert.match(other.action === 'skip' ? other.message : '', /will skip/);
});

test('the test files needing poppler are exactly those that use the poppler helper', () => {
  const dir = resolve(import.meta.dirname, '../exports');
  const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  const using = tests.filter((f) => readFileSync(join(dir, f), 'utf8').includes("from './poppler.ts'"));
  assert.ok(using.length > 0 && using.length < tests.length);
  for (const f of tests) assert.equal(testNeeds([join(dir, f)]).poppler, using.includes(f), f);
});
