// Owns reading the evaluations of a conversation's messages (on their carried m_conversation_id).
import type { FactScope } from '../../store/FactScope.ts';
import type { Db } from '../../store/Store.ts';

export interface EvaluationRecord {
  id: string;
  message_id: string;
  rating: number | null;
  success: boolean | null;
  failure_tags: string[] | null;
  evaluator_id: string | null;
  created_at: string;
}

export function listConversationEvaluations(
  db: Db,
  scope: FactScope,
  conversationId: string,
): Promise<EvaluationRecord[]> {
  return db.query<EvaluationRecord & Record<string, unknown>>(
    `SELECT id, message_id, rating, success, failure_tags, evaluator_id, created_at
     FROM evaluations WHERE ${scope.column} = $1 AND m_conversation_id = $2
     ORDER BY created_at, id`,
    [scope.value, conversationId],
  );
}
