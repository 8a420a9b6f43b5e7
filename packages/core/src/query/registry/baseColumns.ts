// Owns where each column of the filtered-message row comes from and which join it needs.
import type { BaseColumn } from './types.ts';

export type BaseJoin = 'conversation' | 'model' | 'conversation_length';

export const BASE_COLUMNS: Record<BaseColumn, { sql: string; join?: BaseJoin }> = {
  id: { sql: 'm.id' },
  conversation_id: { sql: 'm.conversation_id' },
  created_at: { sql: 'm.created_at' },
  role: { sql: 'm.role' },
  model_id: { sql: 'm.model_id' },
  provider: { sql: 'm.provider' },
  input_tokens: { sql: 'm.input_tokens' },
  output_tokens: { sql: 'm.output_tokens' },
  latency_ms: { sql: 'm.latency_ms' },
  error_type: { sql: 'm.error_type' },
  user_id: { sql: 'c.user_id', join: 'conversation' },
  session_id: { sql: 'c.session_id', join: 'conversation' },
  experiment_name: { sql: 'c.experiment_name', join: 'conversation' },
  is_widget_session: { sql: 'c.is_widget_session', join: 'conversation' },
  training_method: { sql: 'md.training_method', join: 'model' },
  base_model: { sql: 'md.base_model', join: 'model' },
  conversation_length: { sql: 'cl.n', join: 'conversation_length' },
};
