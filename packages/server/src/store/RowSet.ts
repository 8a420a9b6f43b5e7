// Owns the engine-neutral row form of an ingest batch: flat tuples with workspace, ms timestamps, JSON text.
import type { IngestBatch, RowOf, TABLES, ToolCall } from '@llm-analytics/core';
import { idKey } from './idKey.ts';
import { parseIsoMs } from './parseIsoMs.ts';

// Row types are the catalogue's tables (their columns of both engines, without codes): a column added there
// fails typecheck in appendBatchRows until it is filled.
export type ModelRow = RowOf<typeof TABLES.models>;
export type ConversationRow = RowOf<typeof TABLES.conversations>;
export type MessageRow = RowOf<typeof TABLES.messages> & {
  /** Parsed tool calls, kept beside the JSON text so engines can fill `tool_calls` without re-parsing.
   *  Non-enumerable (see withTools) so JSON.stringify of a row skips it without a replacer. */
  readonly tools?: ToolCall[];
};
export type EvaluationRow = RowOf<typeof TABLES.evaluations>;
export type BenchmarkRow = RowOf<typeof TABLES.benchmarks>;
export type BenchmarkResultRow = RowOf<typeof TABLES.benchmark_results>;
/** An OpenTelemetry span (ingest/otlp); times in epoch ms with microsecond fractions. */
export type SpanRow = RowOf<typeof TABLES.spans>;

export interface RowSet {
  models: ModelRow[];
  conversations: ConversationRow[];
  messages: MessageRow[];
  evaluations: EvaluationRow[];
  spans: SpanRow[];
  benchmarks: BenchmarkRow[];
  benchmark_results: BenchmarkResultRow[];
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const time = (iso: string | undefined, now: number): number => (iso ? parseIsoMs(iso) : now);

export function emptyRowSet(): RowSet {
  return {
    models: [],
    conversations: [],
    messages: [],
    evaluations: [],
    spans: [],
    benchmarks: [],
    benchmark_results: [],
  };
}

/** Appends a validated batch's rows to `out`; records without `created_at` get the arrival time. */
export function appendBatchRows(out: RowSet, workspaceId: string, b: IngestBatch, now = Date.now()): void {
  for (const m of b.models ?? []) {
    out.models.push({
      workspace_id: workspaceId,
      model_id: m.model_id,
      name: m.name ?? null,
      provider: m.provider ?? null,
      training_method: m.training_method ?? null,
      base_model: m.base_model ?? null,
      training_dataset: json(m.training_dataset),
      evaluation_metrics: json(m.evaluation_metrics),
      metadata: json(m.metadata),
      updated_at: now,
    });
  }
  for (const c of b.conversations ?? []) {
    out.conversations.push({
      workspace_id: workspaceId,
      id: c.id,
      user_id: c.user_id ?? null,
      session_id: c.session_id ?? null,
      experiment_name: c.experiment_name ?? null,
      is_widget_session: c.is_widget_session ?? null,
      created_at: time(c.created_at, now),
    });
  }
  for (const m of b.messages ?? []) {
    const row: MessageRow = {
      workspace_id: workspaceId,
      id: m.id,
      conversation_id: m.conversation_id,
      role: m.role,
      content: m.content ?? null,
      created_at: time(m.created_at, now),
      model_id: m.model_id ?? null,
      provider: m.provider ?? null,
      input_tokens: m.input_tokens ?? null,
      output_tokens: m.output_tokens ?? null,
      latency_ms: m.latency_ms ?? null,
      tools_called: json(m.tools_called),
      tool_success: m.tool_success ?? null,
      error_type: m.error_type ?? null,
      metadata: json(m.metadata),
    };
    if (m.tools_called?.length)
      Object.defineProperty(row, 'tools', { value: m.tools_called, enumerable: false });
    out.messages.push(row);
  }
  for (const e of b.evaluations ?? []) {
    out.evaluations.push({
      workspace_id: workspaceId,
      id: e.id,
      message_id: e.message_id,
      evaluator_id: e.evaluator_id ?? null,
      rating: e.rating ?? null,
      success: e.success ?? null,
      failure_tags: e.failure_tags ?? null,
      created_at: time(e.created_at, now),
    });
  }
  for (const x of b.benchmarks ?? []) {
    out.benchmarks.push({
      workspace_id: workspaceId,
      id: x.id,
      name: x.name ?? null,
      description: x.description ?? null,
      task_type: x.task_type ?? null,
      dataset: x.dataset ?? null,
      metric: x.metric ?? null,
      updated_at: now,
    });
  }
  for (const r of b.benchmark_results ?? []) {
    out.benchmark_results.push({
      workspace_id: workspaceId,
      id: r.id,
      benchmark_id: r.benchmark_id,
      run_id: r.run_id,
      model_id: r.model_id,
      item_id: r.item_id,
      passed: r.passed ?? null,
      score: r.score ?? null,
      judge: r.judge ?? null,
      judgment: r.judgment ?? null,
      created_at: time(r.created_at, now),
    });
  }
}

/**
 * A span's key within all workspaces, as `idKey` of its trace and span ids. Valid ids are hex of fixed
 * length (32 and 16 digits), so their concatenation is unambiguous; SPAN_ID_SQL is the same in SQL.
 */
export const spanKey = (r: SpanRow): string => idKey(r.workspace_id, r.trace_id + r.span_id);
export const SPAN_ID_SQL = '(trace_id || span_id)';

/** Keeps the last occurrence of each key: a commit group may carry the same id twice (client retries). */
function lastWins<T>(rows: T[], key: (r: T) => string): T[] {
  if (rows.length < 2) return rows;
  const seen = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) seen.set(key(rows[i]), i);
  if (seen.size === rows.length) return rows;
  return [...seen.values()].sort((a, b) => a - b).map((i) => rows[i]);
}

/** `rows` with each id (per workspace and table) once, its last occurrence winning: what a commit writes. */
export function latestById(rows: RowSet): RowSet {
  return {
    models: lastWins(rows.models, (r) => idKey(r.workspace_id, r.model_id)),
    conversations: lastWins(rows.conversations, (r) => idKey(r.workspace_id, r.id)),
    messages: lastWins(rows.messages, (r) => idKey(r.workspace_id, r.id)),
    evaluations: lastWins(rows.evaluations, (r) => idKey(r.workspace_id, r.id)),
    spans: lastWins(rows.spans, spanKey),
    benchmarks: lastWins(rows.benchmarks, (r) => idKey(r.workspace_id, r.id)),
    benchmark_results: lastWins(rows.benchmark_results, (r) => idKey(r.workspace_id, r.id)),
  };
}

export function rowCount(r: RowSet): number {
  return (
    r.models.length +
    r.conversations.length +
    r.messages.length +
    r.evaluations.length +
    r.spans.length +
    r.benchmarks.length +
    r.benchmark_results.length
  );
}

export function appendRowSets(sets: RowSet[]): RowSet {
  const out = emptyRowSet();
  for (const s of sets) {
    out.models.push(...s.models);
    out.conversations.push(...s.conversations);
    for (const m of s.messages) out.messages.push(m);
    for (const e of s.evaluations) out.evaluations.push(e);
    for (const x of s.spans) out.spans.push(x);
    for (const x of s.benchmarks) out.benchmarks.push(x);
    for (const x of s.benchmark_results) out.benchmark_results.push(x);
  }
  return out;
}
