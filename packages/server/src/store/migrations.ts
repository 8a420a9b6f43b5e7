// Owns the versioned schema: one ordered list of migrations, written once for DuckDB and PostgreSQL.
// No PRIMARY KEY / UNIQUE constraints on the ingest tables: DuckDB's WAL replay has failed after kill -9
// when the WAL held index entries, so uniqueness by id is enforced by the single writer instead.
// The steps are history: each keeps producing the schema it did. The latest state is the catalogue's (core
// catalogue/), and catalogueSchema.test.ts fails when running every step does not give exactly it; a new
// attribute's step is printed from the catalogue (columnSteps.ts; `npm run cli -- migration-diff`).
import type { DialectName } from '@llm-analytics/core';
import { CAPABILITY_MIGRATIONS } from './capabilityMigrations.ts';
import { json, type Migration, on, textArray, ts } from './migrationSql.ts';
import { WORKSPACE_KEYS } from './valueCodes.ts';

export type { Migration };

// The coded and carried columns as migration 3 added them (and migration 4 rebuilt messages with). Frozen:
// a later attribute gets its own step, so these steps never change the databases they made.
const CODED = {
  conversations: { session_id: 'session_code', experiment_name: 'experiment_code' },
  messages: { model_id: 'model_code', provider: 'provider_code', error_type: 'error_code' },
  models: { model_id: 'model_code', training_method: 'training_method_code', base_model: 'base_model_code' },
} as const;
const CONVERSATION_CONTEXT = [
  'user_id',
  'session_id',
  'experiment_name',
  'is_widget_session',
  'session_code',
  'experiment_code',
] as const;
const MESSAGE_CONTEXT = [
  'created_at',
  'role',
  'model_id',
  'provider',
  'error_type',
  'conversation_id',
  'model_code',
  'provider_code',
  'error_code',
  ...CONVERSATION_CONTEXT,
] as const;
const contextColumnType = (c: (typeof MESSAGE_CONTEXT)[number]) =>
  c === 'created_at'
    ? 'TIMESTAMP'
    : c === 'is_widget_session'
      ? 'BOOLEAN'
      : c.endsWith('_code')
        ? 'INTEGER'
        : 'VARCHAR';

/** The columns `messages` was created with (migration 1); `conversationId` is that column's type. */
const messageColumns = (d: DialectName, conversationId: string) => `
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, conversation_id ${conversationId} NOT NULL,
        role VARCHAR NOT NULL, content VARCHAR, created_at ${ts(d)} NOT NULL, model_id VARCHAR,
        provider VARCHAR, input_tokens INTEGER, output_tokens INTEGER, latency_ms INTEGER,
        tools_called ${json(d)}, tool_success BOOLEAN, error_type VARCHAR, metadata ${json(d)}`;

/** The tables of facts the analytics scan (DuckDB keys their rows' workspace in `ws`). */
const FACT_TABLES = ['messages', 'evaluations', 'tool_calls'];

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'workspaces, api keys and the seed data model',
    sql: (d) => [
      `CREATE TABLE workspaces (
        id VARCHAR NOT NULL, name VARCHAR NOT NULL, created_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE api_keys (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, name VARCHAR, prefix VARCHAR NOT NULL,
        hash VARCHAR NOT NULL, scope VARCHAR NOT NULL, created_by VARCHAR, created_at ${ts(d)} NOT NULL,
        last_used_at ${ts(d)}, revoked_at ${ts(d)})`,
      `CREATE TABLE models (
        workspace_id VARCHAR NOT NULL, model_id VARCHAR NOT NULL, name VARCHAR, provider VARCHAR,
        training_method VARCHAR, base_model VARCHAR, training_dataset ${json(d)},
        evaluation_metrics ${json(d)}, metadata ${json(d)}, updated_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE conversations (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, user_id VARCHAR, session_id VARCHAR,
        experiment_name VARCHAR, is_widget_session BOOLEAN, created_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE messages (${messageColumns(d, 'VARCHAR')})`,
      `CREATE TABLE tool_calls (
        workspace_id VARCHAR NOT NULL, message_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
        success BOOLEAN, duration_ms INTEGER, created_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE evaluations (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, message_id VARCHAR NOT NULL,
        evaluator_id VARCHAR, rating INTEGER, success BOOLEAN, failure_tags ${textArray(d)},
        created_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE settings (
        workspace_id VARCHAR NOT NULL, value ${json(d)} NOT NULL, updated_at ${ts(d)} NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX workspaces_pk ON workspaces (id)',
        'CREATE UNIQUE INDEX api_keys_pk ON api_keys (id)',
        'CREATE UNIQUE INDEX models_pk ON models (workspace_id, model_id)',
        'CREATE UNIQUE INDEX conversations_pk ON conversations (workspace_id, id)',
        'CREATE UNIQUE INDEX messages_pk ON messages (workspace_id, id)',
        'CREATE INDEX messages_time ON messages (workspace_id, created_at)',
        'CREATE INDEX tool_calls_msg ON tool_calls (workspace_id, message_id)',
        'CREATE UNIQUE INDEX evaluations_pk ON evaluations (workspace_id, id)',
        'CREATE INDEX evaluations_msg ON evaluations (workspace_id, message_id)',
        'CREATE UNIQUE INDEX settings_pk ON settings (workspace_id)',
      ]),
    ],
  },
  {
    version: 2,
    name: 'users, sessions, memberships and the activity log',
    // Times that logic compares (session expiry, idle, activity cursor) are epoch milliseconds in BIGINT:
    // identical on both engines, no time-zone conversion on the way in or out.
    sql: (d) => [
      `CREATE TABLE users (
        id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR, password_hash VARCHAR NOT NULL,
        created_at ${ts(d)} NOT NULL, password_changed_at ${ts(d)})`,
      `CREATE TABLE sessions (
        id VARCHAR NOT NULL, token_hash VARCHAR NOT NULL, user_id VARCHAR NOT NULL, csrf_token VARCHAR NOT NULL,
        created_ms BIGINT NOT NULL, last_seen_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL,
        ip VARCHAR, user_agent VARCHAR)`,
      `CREATE TABLE memberships (
        workspace_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
        created_at ${ts(d)} NOT NULL)`,
      `CREATE TABLE activity (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, at_ms BIGINT NOT NULL, actor VARCHAR NOT NULL,
        action VARCHAR NOT NULL, target VARCHAR, details VARCHAR)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX users_pk ON users (id)',
        'CREATE UNIQUE INDEX users_email ON users (email)',
        'CREATE UNIQUE INDEX sessions_token ON sessions (token_hash)',
        'CREATE INDEX sessions_user ON sessions (user_id)',
        'CREATE UNIQUE INDEX memberships_pk ON memberships (workspace_id, user_id)',
        'CREATE INDEX memberships_user ON memberships (user_id)',
        'CREATE UNIQUE INDEX activity_pk ON activity (id)',
        'CREATE INDEX activity_time ON activity (workspace_id, at_ms)',
        'CREATE INDEX api_keys_hash ON api_keys (hash)',
      ]),
    ],
  },
  {
    version: 3,
    name: 'value codes; message context carried on messages, evaluations and tool calls',
    // Analytics read one table per grain instead of joining on text ids, and group on integer codes instead of
    // text (the joins and text grouping were most of a dashboard load's time). The writer keeps the copies
    // and codes current, including when a parent arrives late.
    sql: (d) => [
      `CREATE TABLE value_codes (workspace_id VARCHAR NOT NULL, code INTEGER NOT NULL, value VARCHAR NOT NULL)`,
      `INSERT INTO value_codes (workspace_id, code, value)
        SELECT workspace_id, CAST(row_number() OVER (PARTITION BY workspace_id ORDER BY value) AS INTEGER), value
        FROM (${Object.entries(CODED)
          .flatMap(([table, cols]) =>
            Object.keys(cols).map((c) => `SELECT workspace_id, ${c} AS value FROM ${table}`),
          )
          .join(' UNION ')}) v WHERE value IS NOT NULL`,
      // DuckDB refuses to commit a transaction that alters a table again after updating it: ALTERs first.
      ...Object.entries(CODED).flatMap(([table, cols]) =>
        Object.values(cols).map((code) => `ALTER TABLE ${table} ADD COLUMN ${code} INTEGER`),
      ),
      ...CONVERSATION_CONTEXT.map((c) => `ALTER TABLE messages ADD COLUMN ${c} ${contextColumnType(c)}`),
      ...['evaluations', 'tool_calls'].flatMap((t) =>
        MESSAGE_CONTEXT.map((c) => `ALTER TABLE ${t} ADD COLUMN m_${c} ${contextColumnType(c)}`),
      ),
      ...Object.entries(CODED).map(
        ([table, cols]) =>
          `UPDATE ${table} SET ${Object.entries(cols)
            .map(
              ([col, code]) => `${code} = (SELECT v.code FROM value_codes v
            WHERE v.workspace_id = ${table}.workspace_id AND v.value = ${table}.${col})`,
            )
            .join(', ')}`,
      ),
      `UPDATE messages SET ${CONVERSATION_CONTEXT.map((c) => `${c} = c.${c}`).join(', ')}
        FROM conversations c WHERE c.workspace_id = messages.workspace_id AND c.id = messages.conversation_id`,
      ...['evaluations', 'tool_calls'].map(
        (t) => `UPDATE ${t} SET ${MESSAGE_CONTEXT.map((c) => `m_${c} = m.${c}`).join(', ')}
        FROM messages m WHERE m.workspace_id = ${t}.workspace_id AND m.id = ${t}.message_id`,
      ),
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX value_codes_value ON value_codes (workspace_id, value)',
        'CREATE UNIQUE INDEX value_codes_code ON value_codes (workspace_id, code)',
        'CREATE INDEX messages_conversation ON messages (workspace_id, conversation_id)',
        'CREATE INDEX evaluations_conversation ON evaluations (workspace_id, m_conversation_id)',
        'CREATE INDEX tool_calls_conversation ON tool_calls (workspace_id, m_conversation_id)',
      ]),
    ],
  },
  {
    version: 4,
    name: 'messages.conversation_id dictionary-compressed (DuckDB)',
    // DuckDB picks FSST for conversation ids (few repeats per block); a distinct count or a grouping on a
    // dictionary-compressed column costs far less (10M messages, the dashboard's statements: 15-19% less CPU;
    // conversations by length 35% less). DuckDB has no ALTER for a column's compression, so the table is
    // rebuilt, in its stored (time) order; PostgreSQL has nothing to do.
    sql: (d) =>
      on('duckdb', d, [
        `CREATE TABLE messages_v4 (${messageColumns(d, 'VARCHAR USING COMPRESSION dictionary')}, ${[
          ...Object.values(CODED.messages).map((code) => `${code} INTEGER`),
          ...CONVERSATION_CONTEXT.map((c) => `${c} ${contextColumnType(c)}`),
        ].join(', ')})`,
        // BY NAME: a column the new table lacks fails the migration instead of being dropped.
        'INSERT INTO messages_v4 BY NAME SELECT * FROM messages',
        'DROP TABLE messages',
        'ALTER TABLE messages_v4 RENAME TO messages',
      ]),
  },
  {
    version: 5,
    name: 'integer workspace key on the fact tables (DuckDB)',
    // Every analytics scan keeps rows to one workspace. DuckDB cannot settle `workspace_id = 'x'` from a
    // segment's text statistics and compares it on every row (40 of the 62M instructions of a 1M-message
    // sum); an integer column holding one value per segment is settled once per segment (the dashboard's
    // statements: 24% fewer instructions). The keys are value codes of the workspace ids (valueCodes.ts).
    sql: (d) =>
      on('duckdb', d, [
        // DuckDB refuses to commit a transaction that alters a table again after updating it: ALTERs first.
        ...FACT_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN ws INTEGER`),
        `INSERT INTO value_codes (workspace_id, code, value)
              SELECT '${WORKSPACE_KEYS}', CAST(row_number() OVER (ORDER BY id) AS INTEGER), id
              FROM (${FACT_TABLES.map((t) => `SELECT workspace_id AS id FROM ${t}`).join(' UNION ')}) w`,
        ...FACT_TABLES.map(
          (t) => `UPDATE ${t} SET ws = k.code FROM value_codes k
              WHERE k.workspace_id = '${WORKSPACE_KEYS}' AND k.value = ${t}.workspace_id`,
        ),
      ]),
  },
  {
    version: 6,
    name: 'commit numbers on conversations (DuckDB)',
    // A conversation that arrives after its messages must copy its attributes onto them. The repair found the
    // commit's conversations through a bound list of their ids, three times per commit (binding 1,000 ids
    // costs ~3 ms of CPU); each conversation now carries the number of the commit that wrote it, so a repair
    // joins `commit_seq = n`. The fact tables carry no number: a column there cost ingest more than it saved
    // (the repairs of a late conversation scan them instead; duckdb/LateParents.ts skips the tables that hold
    // none of its rows).
    sql: (d) => on('duckdb', d, ['ALTER TABLE conversations ADD COLUMN commit_seq BIGINT DEFAULT 0']),
  },
  {
    version: 7,
    name: 'activity keyed by (workspace_id, id) (PostgreSQL)',
    // A table distributed by workspace (Citus, docs/scaling.md) can only hold unique indexes that include
    // workspace_id. Ids are unique already, so the wider key accepts the same rows.
    sql: (d) =>
      on('postgres', d, [
        'DROP INDEX activity_pk',
        'CREATE UNIQUE INDEX activity_pk ON activity (workspace_id, id)',
      ]),
  },
  ...CAPABILITY_MIGRATIONS,
];
