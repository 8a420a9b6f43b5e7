// DuckDB's commit numbers (migration 6): rows carry the number of the commit that wrote them, numbers only grow
// across restarts, and the rows of a version-5 database (numbered 0) are still repaired by a late parent.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { commitBatch } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

const T = '2025-05-01T10:00:00Z';

async function numbers(store: DuckDBStore, table: string): Promise<number[]> {
  const rows = await store.query<{ n: number }>(
    `SELECT DISTINCT commit_seq::INTEGER AS n FROM ${table} ORDER BY n`,
  );
  return rows.map((r) => r.n);
}

it('each commit numbers its rows above every number stored, after a restart too', async () => {
  const file = join(tempDir('lla-commitseq'), 'db.duckdb');
  let store = await DuckDBStore.open(file);
  const message = (id: string) => ({ id, conversation_id: 'c', role: 'user' as const, created_at: T });
  await commitBatch(store, 'w', { messages: [message('m1')] });
  await commitBatch(store, 'w', { messages: [message('m2')], conversations: [{ id: 'c' }] });
  const [first, second] = await numbers(store, 'messages');
  assert.ok(first >= 1 && second > first);
  assert.deepEqual(await numbers(store, 'conversations'), [second]);
  await store.close();

  store = await DuckDBStore.open(file);
  try {
    await commitBatch(store, 'w', { messages: [message('m3')] });
    const all = await numbers(store, 'messages');
    assert.equal(all.length, 3);
    assert.ok(all[2] > second, 'a restarted writer numbers after the stored rows');
  } finally {
    await store.close();
  }
});

it('migration 6 numbers a version-5 database 0, and a late conversation still reaches its children', async () => {
  const file = join(tempDir('lla-commitseq-mig'), 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  await migrateTo((sql) => c.run(sql), 'duckdb', 5);
  await c.run(`INSERT INTO messages (workspace_id, id, conversation_id, role, created_at)
    VALUES ('w', 'm0', 'late', 'assistant', TIMESTAMP '2025-05-01')`);
  await c.run(`INSERT INTO tool_calls (workspace_id, message_id, name, created_at, m_conversation_id)
    VALUES ('w', 'm0', 'search', TIMESTAMP '2025-05-01', 'late')`);
  await c.run(`INSERT INTO evaluations (workspace_id, id, message_id, created_at, m_conversation_id)
    VALUES ('w', 'e0', 'm0', TIMESTAMP '2025-05-01', 'late')`);
  c.closeSync();
  instance.closeSync();

  const store = await DuckDBStore.open(file);
  try {
    for (const t of ['messages', 'tool_calls', 'evaluations', 'conversations'])
      assert.deepEqual(await numbers(store, t), t === 'conversations' ? [] : [0], t);
    await commitBatch(store, 'w', { conversations: [{ id: 'late', user_id: 'u', session_id: 's' }] });
    const carried = await store.query(
      `SELECT (SELECT user_id FROM messages) AS m, (SELECT m_user_id FROM tool_calls) AS t,
         (SELECT m_session_id FROM evaluations) AS e`,
    );
    assert.deepEqual(carried, [{ m: 'u', t: 'u', e: 's' }]);
  } finally {
    await store.close();
  }
});
