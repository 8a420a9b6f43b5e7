// Migration 3 on a database written before it: existing values get codes, and messages, evaluations and tool
// calls get their carried context backfilled, on both engines; an evaluation whose message never came keeps nulls.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DialectName } from '@llm-analytics/core';
import pg from 'pg';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { PostgresStore } from '../../src/store/postgres/PostgresStore.ts';
import type { Store } from '../../src/store/Store.ts';
import { migrateTo } from '../helpers/migrateTo.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { freshPostgres } from '../helpers/testServer.ts';

const T = '2025-05-01 10:00:00';
const OLD_ROWS = [
  `INSERT INTO conversations (workspace_id, id, user_id, session_id, experiment_name, is_widget_session, created_at)
   VALUES ('w', 'c1', 'u1', 's1', 'exp', true, '${T}')`,
  `INSERT INTO messages (workspace_id, id, conversation_id, role, created_at, model_id, provider, error_type)
   VALUES ('w', 'm1', 'c1', 'assistant', '${T}', 'gpt', 'openai', 'timeout'),
          ('w', 'm2', 'c-missing', 'user', '${T}', NULL, NULL, NULL)`,
  `INSERT INTO tool_calls (workspace_id, message_id, name, success, created_at) VALUES ('w', 'm1', 'search', true, '${T}')`,
  `INSERT INTO evaluations (workspace_id, id, message_id, rating, created_at)
   VALUES ('w', 'e1', 'm1', 5, '${T}'), ('w', 'e2', 'm-never', 1, '${T}')`,
];

/** Runs migrations 1 and 2 and writes rows the way a version-2 server did. */
async function writeVersion2(run: (sql: string) => Promise<unknown>, dialect: DialectName) {
  await migrateTo(run, dialect, 2);
  for (const sql of OLD_ROWS) await run(sql);
}

async function assertBackfilled(store: Store) {
  const messages = await store.query(
    'SELECT id, user_id, session_id, experiment_name, is_widget_session FROM messages ORDER BY id',
  );
  assert.deepEqual(messages, [
    { id: 'm1', user_id: 'u1', session_id: 's1', experiment_name: 'exp', is_widget_session: true },
    { id: 'm2', user_id: null, session_id: null, experiment_name: null, is_widget_session: null },
  ]);
  const evals = await store.query(
    'SELECT id, m_model_id, m_provider, m_role, m_error_type, m_conversation_id, m_session_id, m_created_at IS NOT NULL AS timed FROM evaluations ORDER BY id',
  );
  assert.deepEqual(evals, [
    {
      id: 'e1',
      m_model_id: 'gpt',
      m_provider: 'openai',
      m_role: 'assistant',
      m_error_type: 'timeout',
      m_conversation_id: 'c1',
      m_session_id: 's1',
      timed: true,
    },
    {
      id: 'e2',
      m_model_id: null,
      m_provider: null,
      m_role: null,
      m_error_type: null,
      m_conversation_id: null,
      m_session_id: null,
      timed: false,
    },
  ]);
  const codes = await store.query<{ value: string; code: number }>(
    "SELECT value, code FROM value_codes WHERE workspace_id = 'w' ORDER BY code",
  );
  assert.deepEqual(
    codes.map((c) => c.value),
    ['exp', 'gpt', 'openai', 's1', 'timeout'],
  );
  const code = (v: string) => codes.find((c) => c.value === v)!.code;
  assert.deepEqual(
    await store.query(
      'SELECT m_model_code, m_provider_code, m_error_code, m_session_code, m_experiment_code FROM evaluations WHERE id = $1',
      ['e1'],
    ),
    [
      {
        m_model_code: code('gpt'),
        m_provider_code: code('openai'),
        m_error_code: code('timeout'),
        m_session_code: code('s1'),
        m_experiment_code: code('exp'),
      },
    ],
  );
  const tools = await store.query('SELECT m_model_id, m_user_id, m_is_widget_session FROM tool_calls');
  assert.deepEqual(tools, [{ m_model_id: 'gpt', m_user_id: 'u1', m_is_widget_session: true }]);
}

describe('migration 3 backfills carried message context', () => {
  it('duckdb', async () => {
    const dir = tempDir('lla-mig');
    const file = join(dir, 'db.duckdb');
    const instance = await DuckDBInstance.create(file);
    const c = await instance.connect();
    await writeVersion2((sql) => c.run(sql), 'duckdb');
    c.closeSync();
    instance.closeSync();
    const store = await DuckDBStore.open(file);
    try {
      await assertBackfilled(store);
    } finally {
      await store.close();
    }
  });

  it('postgres', async () => {
    const db = await freshPostgres();
    after(() => db.drop());
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await writeVersion2((sql) => c.query(sql), 'postgres');
    await c.end();
    const store = await PostgresStore.open(db.url);
    try {
      await assertBackfilled(store);
    } finally {
      await store.close();
    }
  });
});
