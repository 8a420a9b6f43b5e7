// Owns listing a user's workspaces with the role held in each, oldest membership first.
import type { WorkspaceRef } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export async function listUserWorkspaces(db: Db, userId: string): Promise<WorkspaceRef[]> {
  return db.query<WorkspaceRef & Record<string, unknown>>(
    `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.user_id = $1 ORDER BY m.created_at, w.id`,
    [userId],
  );
}
