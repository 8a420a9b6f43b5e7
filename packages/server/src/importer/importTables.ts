// Owns what the importer accepts per table: table names (including the seed's Supabase names), the columns
// the wire format knows with the parser each needs, and the schema each converted row must pass.
import {
  BenchmarkResultSchema,
  BenchmarkSchema,
  ConversationSchema,
  EvaluationSchema,
  MessageSchema,
  ModelSchema,
} from '@llm-analytics/core';
import {
  normalizeTimestamp,
  parseBoolean,
  parseJsonCell,
  parseNumber,
  parseTextArray,
} from './cellValues.ts';

export type ImportTable =
  | 'models'
  | 'conversations'
  | 'messages'
  | 'evaluations'
  | 'benchmarks'
  | 'benchmark_results';
/** Table names as the seed system's Supabase database spells them. */
export type SupabaseTableName = 'llm_models' | 'message_evaluations';

type Parse = (v: unknown) => unknown;
const text: Parse = (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

export interface TableSpec {
  /** Known columns and how to read them; every other column (Supabase `id` of llm_models, `user_id` of
   * messages, `updated_at`, …) is dropped because the wire format has no place for it. */
  columns: Record<string, Parse>;
  /** Columns the wire format marks optional but not nullable: an empty cell is left out rather than null. */
  omitWhenNull: readonly string[];
  schema:
    | typeof ModelSchema
    | typeof ConversationSchema
    | typeof MessageSchema
    | typeof EvaluationSchema
    | typeof BenchmarkSchema
    | typeof BenchmarkResultSchema;
}

export const IMPORT_TABLES: Record<ImportTable, TableSpec> = {
  models: {
    columns: {
      model_id: text,
      name: text,
      provider: text,
      training_method: text,
      base_model: text,
      training_dataset: parseJsonCell,
      evaluation_metrics: parseJsonCell,
      metadata: parseJsonCell,
    },
    omitWhenNull: [],
    schema: ModelSchema,
  },
  conversations: {
    columns: {
      id: text,
      user_id: text,
      session_id: text,
      experiment_name: text,
      is_widget_session: parseBoolean,
      created_at: normalizeTimestamp,
    },
    omitWhenNull: ['created_at'],
    schema: ConversationSchema,
  },
  messages: {
    columns: {
      id: text,
      conversation_id: text,
      role: text,
      content: text,
      created_at: normalizeTimestamp,
      model_id: text,
      provider: text,
      input_tokens: parseNumber,
      output_tokens: parseNumber,
      latency_ms: parseNumber,
      tools_called: parseJsonCell,
      tool_success: parseBoolean,
      error_type: text,
      metadata: parseJsonCell,
    },
    omitWhenNull: ['created_at'],
    schema: MessageSchema,
  },
  evaluations: {
    columns: {
      id: text,
      message_id: text,
      evaluator_id: text,
      rating: parseNumber,
      success: parseBoolean,
      failure_tags: parseTextArray,
      created_at: normalizeTimestamp,
    },
    omitWhenNull: ['created_at'],
    schema: EvaluationSchema,
  },
  benchmarks: {
    columns: { id: text, name: text, description: text, task_type: text, dataset: text, metric: text },
    omitWhenNull: [],
    schema: BenchmarkSchema,
  },
  benchmark_results: {
    columns: {
      id: text,
      benchmark_id: text,
      run_id: text,
      model_id: text,
      item_id: text,
      passed: parseBoolean,
      score: parseNumber,
      judge: text,
      judgment: text,
      created_at: normalizeTimestamp,
    },
    omitWhenNull: ['created_at'],
    schema: BenchmarkResultSchema,
  },
};

const ALIASES: Record<string, ImportTable> = {
  models: 'models',
  llm_models: 'models',
  conversations: 'conversations',
  messages: 'messages',
  evaluations: 'evaluations',
  message_evaluations: 'evaluations',
  benchmarks: 'benchmarks',
  benchmark_results: 'benchmark_results',
};

/** Canonical table for a name given on the command line; throws listing the accepted names. */
export function resolveImportTable(name: string): ImportTable {
  const table = ALIASES[name.trim().toLowerCase()];
  if (!table) {
    throw new Error(`unknown table "${name}": use one of ${Object.keys(ALIASES).join(', ')}`);
  }
  return table;
}
