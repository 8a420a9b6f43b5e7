// The embedded store leaves one core to the event loop: DuckDB gets cores − 1 threads (at least 1) unless
// DUCKDB_THREADS says otherwise, and the setting reaches the opened database.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/openStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

async function threadsOf(env: Record<string, string>): Promise<number> {
  const store = await openStore(loadConfig({ DATA_DIR: tempDir('lla-threads'), ...env }));
  try {
    const [row] = await store.query<{ t: number }>("SELECT current_setting('threads')::INTEGER AS t");
    return row.t;
  } finally {
    await store.close();
  }
}

it('DuckDB runs cores − 1 threads by default, at least one', async () => {
  assert.equal(await threadsOf({}), Math.max(1, availableParallelism() - 1));
});

it('DUCKDB_THREADS overrides the default', async () => {
  assert.equal(await threadsOf({ DUCKDB_THREADS: '3' }), 3);
  assert.throws(() => loadConfig({ DUCKDB_THREADS: 'two' }), /DUCKDB_THREADS must be a non-negative integer/);
});
