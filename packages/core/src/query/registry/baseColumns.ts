// Owns where each column of a part's message context comes from: on messages, or carried (`m_*`) on evaluations
// and tool calls; and which join a column needs (only model attributes and conversation length still join).
// `*_code` columns hold value codes: integers standing for the text, which groups several times faster.
import type { BaseColumn, Grain } from './types.ts';

export type BaseJoin = 'model' | 'conversation_length';

/** A column read from the grain's own table `x`, or the join that supplies it. */
type Source = { carried: string | null } | { join: BaseJoin; sql: string };

const carried = (onMessages: string, onFacts: string | null = `m_${onMessages}`) => ({
  message: { carried: onMessages },
  fact: { carried: onFacts },
});
const joined = (join: BaseJoin, sql: string) => ({ message: { join, sql }, fact: { join, sql } });

const COLUMNS: Record<BaseColumn, { message: Source; fact: Source }> = {
  id: carried('id', 'message_id'),
  conversation_id: carried('conversation_id'),
  created_at: carried('created_at'),
  role: carried('role'),
  model_id: carried('model_id'),
  provider: carried('provider'),
  // Only message partials read these, and they only run on messages.
  input_tokens: carried('input_tokens', null),
  output_tokens: carried('output_tokens', null),
  latency_ms: carried('latency_ms', null),
  error_type: carried('error_type'),
  user_id: carried('user_id'),
  session_id: carried('session_id'),
  experiment_name: carried('experiment_name'),
  is_widget_session: carried('is_widget_session'),
  model_code: carried('model_code'),
  provider_code: carried('provider_code'),
  error_code: carried('error_code'),
  session_code: carried('session_code'),
  experiment_code: carried('experiment_code'),
  training_method: joined('model', 'md.training_method'),
  base_model: joined('model', 'md.base_model'),
  training_method_code: joined('model', 'md.training_method_code'),
  base_model_code: joined('model', 'md.base_model_code'),
  conversation_length: joined('conversation_length', 'cl.n'),
};

/** SQL of `column` on a row of `grain`'s table aliased `x`, and the join it needs (if any). */
export function baseColumn(grain: Grain, column: BaseColumn): { sql: string; join?: BaseJoin } {
  const src = COLUMNS[column][grain === 'message' ? 'message' : 'fact'];
  if ('join' in src) return { sql: src.sql, join: src.join };
  if (src.carried === null) throw new Error(`${column} is not carried on ${grain} rows`);
  return { sql: `x.${src.carried}` };
}
