// DuckDB's integer workspace keys (migration 5): every fact row carries its workspace's key in `ws`, one key per
// workspace, kept across restarts; migration 5 backfills the rows written before it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { IngestBatch } from '@llm-analytics/core';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { commitBatch } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

const T = '2025-05-01T10:00:00Z';
const batch = (n: number): IngestBatch => ({
  messages: [
    {
      id: `m${n}`,
      conversation_id: `c${n}`,
      role: 'assistant',
      created_at: T,
      tools_called: [{ name: 'search', success: true }],
    },
  ],
  evaluations: [{ id: `e${n}`, message_id: `m${n}`, rating: 4 }],
});

/** (workspace_id, ws) pairs over every fact row, one entry per distinct pair. */
async function keyedRows(store: DuckDBStore): Promise<[string, number | null][]> {
  const rows = await store.query<{ w: string; k: number | null }>(
    `SELECT DISTINCT w, k FROM (SELECT workspace_id AS w, ws AS k FROM messages
       UNION ALL SELECT workspace_id, ws FROM evaluations UNION ALL SELECT workspace_id, ws FROM tool_calls)
     ORDER BY w`,
  );
  return rows.map((r) => [r.w, r.k]);
}

it('fact rows carry one key per workspace, the same after a restart', async () => {
  const file = join(tempDir('lla-wskeys'), 'db.duckdb');
  let store = await DuckDBStore.open(file);
  assert.equal(store.workspaceKey('a'), undefined, 'no key before the first fact row');
  await commitBatch(store, 'a', batch(1));
  await Promise.all([commitBatch(store, 'b', batch(2)), commitBatch(store, 'c', batch(3))]);
  const keys = { a: store.workspaceKey('a'), b: store.workspaceKey('b'), c: store.workspaceKey('c') };
  assert.equal(new Set(Object.values(keys)).size, 3, 'distinct keys');
  assert.ok(Object.values(keys).every((k) => Number.isInteger(k)));
  assert.deepEqual(await keyedRows(store), [
    ['a', keys.a],
    ['b', keys.b],
    ['c', keys.c],
  ]);
  await store.close();

  store = await DuckDBStore.open(file);
  try {
    assert.deepEqual(
      { a: store.workspaceKey('a'), b: store.workspaceKey('b'), c: store.workspaceKey('c') },
      keys,
    );
    await commitBatch(store, 'a', batch(4));
    await commitBatch(store, 'd', batch(5));
    const d = store.workspaceKey('d');
    assert.ok(d !== undefined && !Object.values(keys).includes(d));
    assert.deepEqual(await keyedRows(store), [
      ['a', keys.a],
      ['b', keys.b],
      ['c', keys.c],
      ['d', d],
    ]);
  } finally {
    await store.close();
  }
});

it('migration 5 keys the rows a version-4 database holds', async () => {
  const file = join(tempDir('lla-wskeys-mig'), 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  await migrateTo((sql) => c.run(sql), 'duckdb', 4);
  for (const [ws, n] of [
    ['w1', 3],
    ['w2', 2],
  ] as const) {
    await c.run(`INSERT INTO messages (workspace_id, id, conversation_id, role, created_at)
      SELECT '${ws}', '${ws}-m' || i, 'c', 'user', TIMESTAMP '2025-05-01' FROM range(${n}) r(i)`);
    await c.run(`INSERT INTO evaluations (workspace_id, id, message_id, created_at)
      VALUES ('${ws}', '${ws}-e', '${ws}-m0', TIMESTAMP '2025-05-01')`);
  }
  // A tool call of a third workspace with nothing else: it gets a key too.
  await c.run(`INSERT INTO tool_calls (workspace_id, message_id, name, created_at)
    VALUES ('w3', 'x', 'search', TIMESTAMP '2025-05-01')`);
  c.closeSync();
  instance.closeSync();

  const store = await DuckDBStore.open(file);
  try {
    const keys = ['w1', 'w2', 'w3'].map((w) => store.workspaceKey(w));
    assert.equal(new Set(keys).size, 3);
    assert.deepEqual(await keyedRows(store), [
      ['w1', keys[0]],
      ['w2', keys[1]],
      ['w3', keys[2]],
    ]);
    // New rows of a migrated workspace get its existing key.
    await commitBatch(store, 'w2', batch(9));
    assert.deepEqual(await store.query("SELECT DISTINCT ws FROM messages WHERE workspace_id = 'w2'"), [
      { ws: keys[1] },
    ]);
  } finally {
    await store.close();
  }
});
