// Owns listing a workspace's members with their email and name.
import type { Member } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
  return db.query<Member & Record<string, unknown>>(
    `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m
       JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`,
    [workspaceId],
  );
}
