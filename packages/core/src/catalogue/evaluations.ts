// Owns the `evaluations` table: judgments of a message, carrying the message's context.
import type { TableDef } from './TableDef.ts';

export const evaluations = {
  name: 'evaluations',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'evaluations_pk', unique: true },
  indexes: {
    evaluations_msg: { columns: ['workspace_id', 'message_id'] },
    evaluations_conversation: { columns: ['workspace_id', 'm_conversation_id'] },
  },
  carries: 'messages',
  columns: {
    workspace_id: { type: 'text', ingest: false },
    id: { type: 'text' },
    message_id: { type: 'text' },
    evaluator_id: { type: 'text', nullable: true },
    rating: { type: 'integer', nullable: true },
    success: { type: 'boolean', nullable: true },
    failure_tags: { type: 'text[]', nullable: true },
    created_at: { type: 'timestamp' },
    ws: { type: 'integer', nullable: true, engine: 'duckdb', writer: 'workspaceKey' },
  },
} as const satisfies TableDef;
