// The cleanup job's sweep of a workspace's export folder: what a killed run leaves (its temporary archive, the
// scratch folder of files the store or the Parquet writer wrote) goes once untouched long enough; files stay.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { removeStaleScratch } from '../../src/exports/service/exportFiles.ts';
import { SCRATCH_PREFIX } from '../../src/exports/writers/writeZip.ts';
import { tempDir } from '../helpers/tempDir.ts';

it('removes stale temporary archives and scratch folders, never a finished file', async () => {
  const folder = tempDir('lla-scratch');
  mkdirSync(join(folder, `${SCRATCH_PREFIX}a1b2c3`));
  writeFileSync(join(folder, `${SCRATCH_PREFIX}a1b2c3`, 'messages.csv'), 'id\r\n');
  mkdirSync(join(folder, '.parquet-old'));
  writeFileSync(join(folder, '.e1.zip.123.abcdef.partial'), 'PK');
  writeFileSync(join(folder, 'e2.zip'), 'PK');
  const now = Date.now();
  assert.equal(await removeStaleScratch(folder, 60_000, now), 0, 'nothing is stale yet');
  assert.equal(await removeStaleScratch(folder, 60_000, now + 120_000), 3);
  assert.deepEqual(readdirSync(folder), ['e2.zip']);
});
