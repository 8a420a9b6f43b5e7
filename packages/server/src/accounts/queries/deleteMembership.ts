// Owns removing one membership.
import type { Db } from '../../store/Store.ts';

export async function deleteMembership(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
}
