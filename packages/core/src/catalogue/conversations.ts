// Owns the `conversations` table; its carried columns are copied onto every message of the conversation.
import type { TableDef } from './TableDef.ts';

export const conversations = {
  name: 'conversations',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'conversations_pk', unique: true },
  columns: {
    workspace_id: { type: 'text', ingest: false },
    id: { type: 'text' },
    user_id: { type: 'text', nullable: true, carried: true },
    session_id: { type: 'text', nullable: true, carried: true, coded: 'session_code' },
    experiment_name: { type: 'text', nullable: true, carried: true, coded: 'experiment_code' },
    is_widget_session: { type: 'boolean', nullable: true, carried: true },
    created_at: { type: 'timestamp' },
    // A late conversation's repair finds the commit's conversations by number (migration 6).
    commit_seq: { type: 'bigint', nullable: true, engine: 'duckdb', writer: 'commitSeq', default: '0' },
  },
} as const satisfies TableDef;
