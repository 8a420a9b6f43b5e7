// Owns the `messages` table: the main fact table. Carries its conversation's context; its carried columns are
// copied as `m_<col>` onto its evaluations and tool calls.
import type { TableDef } from './TableDef.ts';

export const messages = {
  name: 'messages',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'messages_pk', unique: true },
  indexes: {
    messages_time: { columns: ['workspace_id', 'created_at'] },
    messages_conversation: { columns: ['workspace_id', 'conversation_id'] },
  },
  carries: 'conversations',
  columns: {
    workspace_id: { type: 'text', ingest: false },
    id: { type: 'text' },
    conversation_id: { type: 'text', carried: true, compression: 'dictionary' },
    role: { type: 'text', carried: true },
    content: { type: 'text', nullable: true },
    created_at: { type: 'timestamp', carried: true },
    model_id: { type: 'text', nullable: true, carried: true, coded: 'model_code' },
    provider: { type: 'text', nullable: true, carried: true, coded: 'provider_code' },
    input_tokens: { type: 'integer', nullable: true, measure: true },
    output_tokens: { type: 'integer', nullable: true, measure: true },
    latency_ms: { type: 'integer', nullable: true, measure: true },
    tools_called: { type: 'json', nullable: true },
    tool_success: { type: 'boolean', nullable: true },
    error_type: { type: 'text', nullable: true, carried: true, coded: 'error_code' },
    metadata: { type: 'json', nullable: true },
    ws: { type: 'integer', nullable: true, engine: 'duckdb', writer: 'workspaceKey' },
  },
} as const satisfies TableDef;
