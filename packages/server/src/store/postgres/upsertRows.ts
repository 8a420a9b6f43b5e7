// Owns PostgreSQL bulk upserts: one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per table.
import type pg from 'pg';
import {
  contextColumnType,
  type EnrichedRowSet,
  MESSAGE_CONTEXT,
  type PrefixedContext,
  toolCallRows,
} from '../messageContext.ts';

const iso = (ms: number) => new Date(ms).toISOString();

interface Spec {
  table: string;
  conflict: string;
  columns: [name: string, type: string][];
}

async function upsert(c: pg.PoolClient, spec: Spec, columns: unknown[][]): Promise<void> {
  if (!columns[0]?.length) return;
  const names = spec.columns.map(([n]) => n);
  const select = spec.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const updates = names
    .filter(
      (n) =>
        !spec.conflict
          .split(',')
          .map((s) => s.trim())
          .includes(n),
    )
    .map((n) => `${n} = EXCLUDED.${n}`)
    .join(', ');
  await c.query(
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT * FROM unnest(${select})
     ON CONFLICT (${spec.conflict}) DO UPDATE SET ${updates}`,
    columns,
  );
}

const CONTEXT_COLUMNS = MESSAGE_CONTEXT.map((k) => `m_${k}`).join(', ');
/** unnest() arguments for the carried message context, starting at parameter `from`. */
const contextParams = (from: number) =>
  MESSAGE_CONTEXT.map((k, i) => `$${from + i}::${contextColumnType(k)}[]`).join(', ');
function contextColumns(rows: PrefixedContext[]): unknown[][] {
  return MESSAGE_CONTEXT.map((k) =>
    rows.map((r) =>
      k === 'created_at' ? (r.m_created_at === null ? null : iso(r.m_created_at)) : r[`m_${k}`],
    ),
  );
}

function cols<R>(rows: R[], pick: ((r: R) => unknown)[]): unknown[][] {
  return pick.map((f) => rows.map(f));
}

export async function upsertRows(c: pg.PoolClient, rows: EnrichedRowSet): Promise<void> {
  await upsert(
    c,
    {
      table: 'models',
      conflict: 'workspace_id, model_id',
      columns: [
        ['workspace_id', 'text'],
        ['model_id', 'text'],
        ['name', 'text'],
        ['provider', 'text'],
        ['training_method', 'text'],
        ['base_model', 'text'],
        ['training_dataset', 'jsonb'],
        ['evaluation_metrics', 'jsonb'],
        ['metadata', 'jsonb'],
        ['updated_at', 'timestamp'],
        ['model_code', 'int'],
        ['training_method_code', 'int'],
        ['base_model_code', 'int'],
      ],
    },
    cols(rows.models, [
      (r) => r.workspace_id,
      (r) => r.model_id,
      (r) => r.name,
      (r) => r.provider,
      (r) => r.training_method,
      (r) => r.base_model,
      (r) => r.training_dataset,
      (r) => r.evaluation_metrics,
      (r) => r.metadata,
      (r) => iso(r.updated_at),
      (r) => r.model_code,
      (r) => r.training_method_code,
      (r) => r.base_model_code,
    ]),
  );
  await upsert(
    c,
    {
      table: 'conversations',
      conflict: 'workspace_id, id',
      columns: [
        ['workspace_id', 'text'],
        ['id', 'text'],
        ['user_id', 'text'],
        ['session_id', 'text'],
        ['experiment_name', 'text'],
        ['is_widget_session', 'boolean'],
        ['created_at', 'timestamp'],
        ['session_code', 'int'],
        ['experiment_code', 'int'],
      ],
    },
    cols(rows.conversations, [
      (r) => r.workspace_id,
      (r) => r.id,
      (r) => r.user_id,
      (r) => r.session_id,
      (r) => r.experiment_name,
      (r) => r.is_widget_session,
      (r) => iso(r.created_at),
      (r) => r.session_code,
      (r) => r.experiment_code,
    ]),
  );
  await upsert(
    c,
    {
      table: 'messages',
      conflict: 'workspace_id, id',
      columns: [
        ['workspace_id', 'text'],
        ['id', 'text'],
        ['conversation_id', 'text'],
        ['role', 'text'],
        ['content', 'text'],
        ['created_at', 'timestamp'],
        ['model_id', 'text'],
        ['provider', 'text'],
        ['input_tokens', 'int'],
        ['output_tokens', 'int'],
        ['latency_ms', 'int'],
        ['tools_called', 'jsonb'],
        ['tool_success', 'boolean'],
        ['error_type', 'text'],
        ['metadata', 'jsonb'],
        ['model_code', 'int'],
        ['provider_code', 'int'],
        ['error_code', 'int'],
        ['user_id', 'text'],
        ['session_id', 'text'],
        ['experiment_name', 'text'],
        ['is_widget_session', 'boolean'],
        ['session_code', 'int'],
        ['experiment_code', 'int'],
      ],
    },
    cols(rows.messages, [
      (r) => r.workspace_id,
      (r) => r.id,
      (r) => r.conversation_id,
      (r) => r.role,
      (r) => r.content,
      (r) => iso(r.created_at),
      (r) => r.model_id,
      (r) => r.provider,
      (r) => r.input_tokens,
      (r) => r.output_tokens,
      (r) => r.latency_ms,
      (r) => r.tools_called,
      (r) => r.tool_success,
      (r) => r.error_type,
      (r) => r.metadata,
      (r) => r.model_code,
      (r) => r.provider_code,
      (r) => r.error_code,
      (r) => r.user_id,
      (r) => r.session_id,
      (r) => r.experiment_name,
      (r) => r.is_widget_session,
      (r) => r.session_code,
      (r) => r.experiment_code,
    ]),
  );
  if (rows.messages.length) {
    // A re-sent message replaces its tool calls: drop the old ones, then insert the new.
    await c.query(
      `DELETE FROM tool_calls t USING unnest($1::text[], $2::text[]) AS x(ws, id)
       WHERE t.workspace_id = x.ws AND t.message_id = x.id`,
      [rows.messages.map((m) => m.workspace_id), rows.messages.map((m) => m.id)],
    );
    const tools = rows.messages.flatMap(toolCallRows);
    if (tools.length) {
      await c.query(
        `INSERT INTO tool_calls (workspace_id, message_id, name, success, duration_ms, created_at, ${CONTEXT_COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::int[], $6::timestamp[], ${contextParams(7)})`,
        [
          ...cols(tools, [
            (t) => t.workspace_id,
            (t) => t.message_id,
            (t) => t.name,
            (t) => t.success,
            (t) => t.duration_ms,
            (t) => iso(t.created_at),
          ]),
          ...contextColumns(tools),
        ],
      );
    }
  }
  if (rows.evaluations.length) {
    // unnest() flattens text[][] so failure_tags travel as JSON text and are rebuilt per row.
    await c.query(
      `INSERT INTO evaluations (workspace_id, id, message_id, evaluator_id, rating, success, failure_tags, created_at,
         ${CONTEXT_COLUMNS})
       SELECT ws, id, mid, ev, rating, ok,
              CASE WHEN tags IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(tags)) END, at,
              ${MESSAGE_CONTEXT.map((k) => `x.m_${k}`).join(', ')}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::jsonb[], $8::timestamp[],
         ${contextParams(9)})
         AS x(ws, id, mid, ev, rating, ok, tags, at, ${MESSAGE_CONTEXT.map((k) => `m_${k}`).join(', ')})
       ON CONFLICT (workspace_id, id) DO UPDATE SET message_id = EXCLUDED.message_id,
         evaluator_id = EXCLUDED.evaluator_id, rating = EXCLUDED.rating, success = EXCLUDED.success,
         failure_tags = EXCLUDED.failure_tags, created_at = EXCLUDED.created_at,
         ${MESSAGE_CONTEXT.map((k) => `m_${k} = EXCLUDED.m_${k}`).join(', ')}`,
      [
        ...cols(rows.evaluations, [
          (r) => r.workspace_id,
          (r) => r.id,
          (r) => r.message_id,
          (r) => r.evaluator_id,
          (r) => r.rating,
          (r) => r.success,
          (r) => (r.failure_tags ? JSON.stringify(r.failure_tags) : null),
          (r) => iso(r.created_at),
        ]),
        ...contextColumns(rows.evaluations),
      ],
    );
  }
}
