// Owns bulk inserts into DuckDB: rows travel as one JSON parameter and DuckDB unpacks them with from_json,
// so the per-row work runs on DuckDB's threads instead of the Node event loop (appenders run on the loop).
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  CONVERSATION_CONTEXT,
  type EnrichedRowSet,
  MESSAGE_CONTEXT,
  toolCallRows,
} from '../messageContext.ts';

type ColumnType = 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'TIMESTAMP' | 'VARCHAR[]';
type Columns = Record<string, ColumnType>;

const contextType = (c: string): ColumnType =>
  c === 'created_at'
    ? 'TIMESTAMP'
    : c === 'is_widget_session'
      ? 'BOOLEAN'
      : c.endsWith('_code')
        ? 'INTEGER'
        : 'VARCHAR';
const conversationContext = Object.fromEntries(CONVERSATION_CONTEXT.map((c) => [c, contextType(c)]));
const messageContext = Object.fromEntries(MESSAGE_CONTEXT.map((c) => [`m_${c}`, contextType(c)]));

type Table = 'value_codes' | 'models' | 'conversations' | 'messages' | 'tool_calls' | 'evaluations';

const TABLES: Record<Table, Columns> = {
  value_codes: { workspace_id: 'VARCHAR', code: 'INTEGER', value: 'VARCHAR' },
  models: {
    workspace_id: 'VARCHAR',
    model_id: 'VARCHAR',
    name: 'VARCHAR',
    provider: 'VARCHAR',
    training_method: 'VARCHAR',
    base_model: 'VARCHAR',
    training_dataset: 'VARCHAR',
    evaluation_metrics: 'VARCHAR',
    metadata: 'VARCHAR',
    updated_at: 'TIMESTAMP',
    model_code: 'INTEGER',
  },
  conversations: {
    workspace_id: 'VARCHAR',
    id: 'VARCHAR',
    user_id: 'VARCHAR',
    session_id: 'VARCHAR',
    experiment_name: 'VARCHAR',
    is_widget_session: 'BOOLEAN',
    created_at: 'TIMESTAMP',
    session_code: 'INTEGER',
    experiment_code: 'INTEGER',
  },
  messages: {
    workspace_id: 'VARCHAR',
    id: 'VARCHAR',
    conversation_id: 'VARCHAR',
    role: 'VARCHAR',
    content: 'VARCHAR',
    created_at: 'TIMESTAMP',
    model_id: 'VARCHAR',
    provider: 'VARCHAR',
    input_tokens: 'INTEGER',
    output_tokens: 'INTEGER',
    latency_ms: 'INTEGER',
    tools_called: 'VARCHAR',
    tool_success: 'BOOLEAN',
    error_type: 'VARCHAR',
    metadata: 'VARCHAR',
    model_code: 'INTEGER',
    provider_code: 'INTEGER',
    error_code: 'INTEGER',
    ...conversationContext,
  },
  tool_calls: {
    workspace_id: 'VARCHAR',
    message_id: 'VARCHAR',
    name: 'VARCHAR',
    success: 'BOOLEAN',
    duration_ms: 'INTEGER',
    created_at: 'TIMESTAMP',
    ...messageContext,
  },
  evaluations: {
    workspace_id: 'VARCHAR',
    id: 'VARCHAR',
    message_id: 'VARCHAR',
    evaluator_id: 'VARCHAR',
    rating: 'INTEGER',
    success: 'BOOLEAN',
    failure_tags: 'VARCHAR[]',
    created_at: 'TIMESTAMP',
    ...messageContext,
  },
};

/** Timestamps travel as epoch milliseconds (DOUBLE) and become TIMESTAMP in SQL. */
function statement(table: keyof typeof TABLES): string {
  const cols = TABLES[table];
  const structure = JSON.stringify(
    Object.fromEntries(Object.entries(cols).map(([k, t]) => [k, t === 'TIMESTAMP' ? 'DOUBLE' : t])),
  );
  const select = Object.entries(cols)
    .map(([k, t]) => (t === 'TIMESTAMP' ? `make_timestamp(round(r.${k} * 1000)::BIGINT)` : `r.${k}`))
    .join(', ');
  return `INSERT INTO ${table} (${Object.keys(cols).join(', ')})
    SELECT ${select} FROM (SELECT unnest(from_json($1::VARCHAR, '[${structure}]')) AS r)`;
}

const SQL = Object.fromEntries(
  Object.keys(TABLES).map((t) => [t, statement(t as keyof typeof TABLES)]),
) as Record<keyof typeof TABLES, string>;

/** Inserts one commit's rows, and the value codes first created in it. */
export async function insertRows(
  c: DuckDBConnection,
  rows: EnrichedRowSet,
  codes: unknown[] = [],
): Promise<void> {
  if (codes.length) await c.run(SQL.value_codes, [JSON.stringify(codes)]);
  if (rows.models.length) await c.run(SQL.models, [JSON.stringify(rows.models)]);
  if (rows.conversations.length) await c.run(SQL.conversations, [JSON.stringify(rows.conversations)]);
  if (rows.messages.length) {
    await c.run(SQL.messages, [JSON.stringify(rows.messages)]);
    const tools = rows.messages.flatMap(toolCallRows);
    if (tools.length) await c.run(SQL.tool_calls, [JSON.stringify(tools)]);
  }
  if (rows.evaluations.length) await c.run(SQL.evaluations, [JSON.stringify(rows.evaluations)]);
}
