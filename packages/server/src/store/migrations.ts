// Owns the versioned schema: one ordered list of migrations, written once for DuckDB and PostgreSQL.
// No PRIMARY KEY / UNIQUE constraints on the ingest tables: DuckDB's WAL replay has failed after kill -9
// when the WAL held index entries, so uniqueness by id is enforced by the single writer instead.
// The steps are history: each keeps producing the schema it did. The latest state is the catalogue's (core
// catalogue/), and catalogueSchema.test.ts fails when running every step does not give exactly it; a new
// attribute's step is printed from the catalogue (columnSteps.ts; `npm run cli -- migration-diff`).
import { type DialectName, getDialect, type LogicalType } from '@llm-analytics/core';
import { WORKSPACE_KEYS } from './valueCodes.ts';

export interface Migration {
  version: number;
  name: string;
  sql: (d: DialectName) => string[];
}

const type = (t: LogicalType) => (d: DialectName) => getDialect(d).columnType(t);
const ts = type('timestamp');
const json = type('json');
const textArray = type('text[]');
/** Statements that only `engine` runs (indexes on PostgreSQL; DuckDB's physical layout). */
const on = (engine: DialectName, d: DialectName, sql: string[]) => (d === engine ? sql : []);

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
  {
    version: 8,
    name: 'spans (OpenTelemetry traces)',
    // Written literally, not from the catalogue: a later change to the table gets a step of its own.
    sql: (d) => [
      `CREATE TABLE spans (
        workspace_id VARCHAR NOT NULL, trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL,
        parent_span_id VARCHAR, trace_state VARCHAR, name VARCHAR NOT NULL, kind INTEGER NOT NULL,
        start_time ${ts(d)} NOT NULL, end_time ${ts(d)} NOT NULL, duration_ms ${type('double')(d)} NOT NULL,
        status_code INTEGER NOT NULL, status_message VARCHAR, attributes ${json(d)} NOT NULL,
        resource_attributes ${json(d)} NOT NULL, events ${json(d)}, links ${json(d)}, service_name VARCHAR,
        scope_name VARCHAR, scope_version VARCHAR)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX spans_pk ON spans (workspace_id, trace_id, span_id)',
        'CREATE INDEX spans_time ON spans (workspace_id, start_time)',
      ]),
    ],
  },
  {
    version: 9,
    name: 'spans: what the GenAI mapping reads off a span',
    sql: (d) => [
      ...['span_type', 'model_id', 'provider', 'conversation_id', 'tool_name'].map(
        (c) => `ALTER TABLE spans ADD COLUMN ${c} VARCHAR`,
      ),
      'ALTER TABLE spans ADD COLUMN input_tokens INTEGER',
      'ALTER TABLE spans ADD COLUMN output_tokens INTEGER',
      ...on('postgres', d, ['CREATE INDEX spans_conversation ON spans (workspace_id, conversation_id)']),
    ],
  },
  {
    version: 10,
    name: 'jobs (background work: trace retention)',
    sql: (d) => [
      `CREATE TABLE jobs (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, status VARCHAR NOT NULL,
        progress ${type('double')(d)} NOT NULL, payload ${json(d)} NOT NULL, result ${json(d)}, error VARCHAR,
        attempts INTEGER NOT NULL, created_ms BIGINT NOT NULL, run_at_ms BIGINT NOT NULL, started_ms BIGINT,
        finished_ms BIGINT, heartbeat_ms BIGINT, claimed_by VARCHAR)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX jobs_pk ON jobs (id)',
        'CREATE INDEX jobs_due ON jobs (status, run_at_ms)',
        'CREATE INDEX jobs_workspace ON jobs (workspace_id, created_ms)',
      ]),
    ],
  },
  {
    version: 11,
    name: 'analytics_experiments (A/B experiments)',
    sql: (d) => [
      `CREATE TABLE analytics_experiments (
        workspace_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR NOT NULL, hypothesis VARCHAR,
        unit VARCHAR NOT NULL, status VARCHAR NOT NULL, status_changed_by VARCHAR, status_changed_ms BIGINT NOT NULL,
        variants ${json(d)} NOT NULL, control VARCHAR NOT NULL, primary_metric VARCHAR NOT NULL,
        secondary_metrics ${json(d)} NOT NULL, min_effect ${type('double')(d)}, planned_split ${json(d)},
        start_ms BIGINT, end_ms BIGINT, conclusion VARCHAR, created_by VARCHAR, created_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_experiments_pk ON analytics_experiments (workspace_id, id)',
      ]),
    ],
  },
  {
    version: 12,
    name: 'analytics_exports (export requests and their files)',
    sql: (d) => [
      `CREATE TABLE analytics_exports (
        id VARCHAR NOT NULL, workspace_id VARCHAR NOT NULL, job_id VARCHAR, status VARCHAR NOT NULL,
        format VARCHAR NOT NULL, export_type VARCHAR NOT NULL, request ${json(d)} NOT NULL,
        file_name VARCHAR NOT NULL, content_type VARCHAR NOT NULL, file_path VARCHAR, file_bytes BIGINT NOT NULL,
        row_count BIGINT NOT NULL, error VARCHAR, requested_by VARCHAR NOT NULL, created_ms BIGINT NOT NULL,
        finished_ms BIGINT, expires_ms BIGINT NOT NULL)`,
      ...on('postgres', d, [
        'CREATE UNIQUE INDEX analytics_exports_pk ON analytics_exports (workspace_id, id)',
        'CREATE INDEX analytics_exports_created ON analytics_exports (workspace_id, created_ms)',
      ]),
    ],
  },
];
