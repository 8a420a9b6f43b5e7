// Owns writing RowSet tuples through DuckDB appenders, one appender per table, inside the caller's transaction.
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBTimestampValue,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import type { ConversationRow, EvaluationRow, MessageRow, ModelRow } from '../RowSet.ts';

const TAGS = LIST(VARCHAR);
const ts = (ms: number) => new DuckDBTimestampValue(BigInt(Math.round(ms * 1000)));

function str(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}
function int(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendInteger(v);
}
function bool(a: DuckDBAppender, v: boolean | null): void {
  if (v === null) a.appendNull();
  else a.appendBoolean(v);
}

async function withAppender(c: DuckDBConnection, table: string, fill: (a: DuckDBAppender) => void) {
  const a = await c.createAppender(table);
  try {
    fill(a);
    a.flushSync();
  } finally {
    a.closeSync();
  }
}

export async function appendModels(c: DuckDBConnection, rows: ModelRow[]): Promise<void> {
  if (!rows.length) return;
  await withAppender(c, 'models', (a) => {
    for (const r of rows) {
      a.appendVarchar(r.workspace_id);
      a.appendVarchar(r.model_id);
      str(a, r.name);
      str(a, r.provider);
      str(a, r.training_method);
      str(a, r.base_model);
      str(a, r.training_dataset);
      str(a, r.evaluation_metrics);
      str(a, r.metadata);
      a.appendTimestamp(ts(r.updated_at));
      a.endRow();
    }
  });
}

export async function appendConversations(c: DuckDBConnection, rows: ConversationRow[]): Promise<void> {
  if (!rows.length) return;
  await withAppender(c, 'conversations', (a) => {
    for (const r of rows) {
      a.appendVarchar(r.workspace_id);
      a.appendVarchar(r.id);
      str(a, r.user_id);
      str(a, r.session_id);
      str(a, r.experiment_name);
      bool(a, r.is_widget_session);
      a.appendTimestamp(ts(r.created_at));
      a.endRow();
    }
  });
}

export async function appendMessages(c: DuckDBConnection, rows: MessageRow[]): Promise<void> {
  if (!rows.length) return;
  await withAppender(c, 'messages', (a) => {
    for (const r of rows) {
      a.appendVarchar(r.workspace_id);
      a.appendVarchar(r.id);
      a.appendVarchar(r.conversation_id);
      a.appendVarchar(r.role);
      str(a, r.content);
      a.appendTimestamp(ts(r.created_at));
      str(a, r.model_id);
      str(a, r.provider);
      int(a, r.input_tokens);
      int(a, r.output_tokens);
      int(a, r.latency_ms);
      str(a, r.tools_called);
      bool(a, r.tool_success);
      str(a, r.error_type);
      str(a, r.metadata);
      a.endRow();
    }
  });
  if (!rows.some((r) => r.tools)) return;
  await withAppender(c, 'tool_calls', (a) => {
    for (const r of rows) {
      for (const t of r.tools ?? []) {
        a.appendVarchar(r.workspace_id);
        a.appendVarchar(r.id);
        a.appendVarchar(t.name);
        bool(a, t.success ?? null);
        int(a, t.duration_ms ?? null);
        a.appendTimestamp(ts(r.created_at));
        a.endRow();
      }
    }
  });
}

export async function appendEvaluations(c: DuckDBConnection, rows: EvaluationRow[]): Promise<void> {
  if (!rows.length) return;
  await withAppender(c, 'evaluations', (a) => {
    for (const r of rows) {
      a.appendVarchar(r.workspace_id);
      a.appendVarchar(r.id);
      a.appendVarchar(r.message_id);
      str(a, r.evaluator_id);
      int(a, r.rating);
      bool(a, r.success);
      if (r.failure_tags === null) a.appendNull();
      else a.appendList(listValue(r.failure_tags), TAGS);
      a.appendTimestamp(ts(r.created_at));
      a.endRow();
    }
  });
}
