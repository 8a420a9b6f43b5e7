// Owns the `tool_calls` table: one row per tool call of a message, carrying the message's context.
import type { TableDef } from './TableDef.ts';

export const toolCalls = {
  name: 'tool_calls',
  distribution: 'workspace',
  // Not unique: a message's tool calls are written, and replaced, together.
  key: { columns: ['workspace_id', 'message_id'], index: 'tool_calls_msg', unique: false },
  indexes: { tool_calls_conversation: { columns: ['workspace_id', 'm_conversation_id'] } },
  carries: 'messages',
  columns: {
    workspace_id: { type: 'text' },
    message_id: { type: 'text' },
    name: { type: 'text' },
    success: { type: 'boolean', nullable: true },
    duration_ms: { type: 'integer', nullable: true },
    created_at: { type: 'timestamp' },
    ws: { type: 'integer', nullable: true, engine: 'duckdb', writer: 'workspaceKey' },
  },
} as const satisfies TableDef;
