// Owns reading a user's role in a workspace.
import type { Db } from '../../store/Store.ts';
import type { Role } from '../permissions.ts';

export async function findRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const rows = await db.query<{ role: Role }>(
    'SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2',
    [workspaceId, userId],
  );
  return rows[0]?.role ?? null;
}
