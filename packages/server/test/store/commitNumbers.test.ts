// DuckDB's commit numbers (migration 6): each conversation carries the number of the commit that wrote it (the
// late-parent repair finds the commit's conversations by it), numbers only grow across restarts, and a version-5
// database's conversations (numbered 0) and their late children are still repaired.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { commitBatch } from '../helpers/storeFor.ts';
import { tempDir } from '../helpers/tempDir.ts';

async function numbers(store: DuckDBStore): Promise<number[]> {
  const rows = await store.query<{ n: number }>(
    'SELECT commit_seq::INTEGER AS n FROM conversations ORDER BY id',
  );
  return rows.map((r) => r.n);
}

it('each commit numbers its conversations above every number stored, after a restart too', async () => {
  const file = join(tempDir('lla-commitseq'), 'db.duckdb');
  let store = await DuckDBStore.open(file);
  await commitBatch(store, 'w', { conversations: [{ id: 'c1' }] });
  await commitBatch(store, 'w', { messages: [{ id: 'm', conversation_id: 'c1', role: 'user' }] });
  await commitBatch(store, 'w', { conversations: [{ id: 'c2' }] });
  const [first, second] = await numbers(store);
  assert.ok(first >= 1 && second > first + 1, 'one number per commit, messages-only commits included');
  await store.close();

  store = await DuckDBStore.open(file);
  try {
    await commitBatch(store, 'w', { conversations: [{ id: 'c3' }] });
    const all = await numbers(store);
    assert.ok(all[2] > second, 'a restarted writer numbers after the stored conversations');
  } finally {
    await store.close();
  }
});

it('migration 6 numbers a version-5 database 0; late and re-sent conversations still reach old rows', async () => {
  const file = join(tempDir('lla-commitseq-mig'), 'db.duckdb');
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  await migrateTo((sql) => c.run(sql), 'duckdb', 5);
  await c.run(`INSERT INTO conversations (workspace_id, id, user_id, created_at)
    VALUES ('w', 'old', 'u0', TIMESTAMP '2025-05-01')`);
  await c.run(`INSERT INTO messages (workspace_id, id, conversation_id, role, created_at, user_id)
    VALUES ('w', 'm0', 'late', 'assistant', TIMESTAMP '2025-05-01', NULL),
           ('w', 'm1', 'old', 'assistant', TIMESTAMP '2025-05-01', 'u0')`);
  await c.run(`INSERT INTO tool_calls (workspace_id, message_id, name, created_at, m_conversation_id)
    VALUES ('w', 'm0', 'search', TIMESTAMP '2025-05-01', 'late')`);
  await c.run(`INSERT INTO evaluations (workspace_id, id, message_id, created_at, m_conversation_id)
    VALUES ('w', 'e0', 'm0', TIMESTAMP '2025-05-01', 'late')`);
  c.closeSync();
  instance.closeSync();

  const store = await DuckDBStore.open(file);
  try {
    assert.deepEqual(await numbers(store), [0], 'the stored conversation');
    await commitBatch(store, 'w', { conversations: [{ id: 'late', user_id: 'u', session_id: 's' }] });
    const carried = () =>
      store.query(
        `SELECT (SELECT user_id FROM messages WHERE id = 'm0') AS m, (SELECT m_user_id FROM tool_calls) AS t,
           (SELECT m_session_id FROM evaluations) AS e, (SELECT user_id FROM messages WHERE id = 'm1') AS old`,
      );
    assert.deepEqual(await carried(), [{ m: 'u', t: 'u', e: 's', old: 'u0' }]);
    await commitBatch(store, 'w', { conversations: [{ id: 'old', user_id: 'u1' }] });
    assert.deepEqual(await carried(), [{ m: 'u', t: 'u', e: 's', old: 'u1' }], 're-sent');
  } finally {
    await store.close();
  }
});
