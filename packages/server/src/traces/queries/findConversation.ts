// Owns reading one conversation row of a workspace.
import type { Db } from '../../store/Store.ts';

export interface ConversationRecord {
  id: string;
  user_id: string | null;
  session_id: string | null;
  experiment_name: string | null;
  is_widget_session: boolean | null;
  created_at: string;
}

export async function findConversation(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ConversationRecord | null> {
  const [row] = await db.query<ConversationRecord & Record<string, unknown>>(
    `SELECT id, user_id, session_id, experiment_name, is_widget_session, created_at
     FROM conversations WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row ?? null;
}
