// Owns when the conversation-length rollup answers a statement (see render/conversationRollupSql.ts).
import { baseJoins } from '../contextBase.ts';
import type { BaseColumn, DimensionDef, MetricDef } from '../registry/types.ts';

/**
 * `conversations` by `conversation_length` alone, with filters that read columns carried on messages (no
 * join) and not the length itself; semi-joins on evaluations or tool calls are fine. The dashboard's
 * ConversationLengthChart has exactly this shape.
 */
export function rollupFits(metrics: MetricDef[], dims: DimensionDef[], filterDims: DimensionDef[]): boolean {
  if (dims.length !== 1 || dims[0].id !== 'conversation_length') return false;
  if (metrics.length === 0 || metrics.some((m) => m.id !== 'conversations')) return false;
  const columns = new Set<BaseColumn>(filterDims.flatMap((d) => d.columns ?? []));
  return !columns.has('conversation_length') && baseJoins('message', columns).size === 0;
}
