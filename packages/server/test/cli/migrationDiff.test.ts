// `llm-analytics migration-diff` through the real launcher: on a database its migrations made, nothing to add.
// (What it prints when the catalogue is ahead is columnSteps, tested on both engines in catalogueSchema.test.ts.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/tempDir.ts';

const BIN = fileURLToPath(new URL('../../bin/llm-analytics.mjs', import.meta.url));

it('reports that migrations and catalogue agree, exit 0', async () => {
  const dir = tempDir('lla-migration-diff');
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'migration-diff', '--data', dir], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });
  assert.match(stdout, /migrations and catalogue agree \(duckdb\)/);
});
