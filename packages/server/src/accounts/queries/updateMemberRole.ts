// Owns changing a member's role.
import type { Db } from '../../store/Store.ts';
import type { Role } from '../permissions.ts';

export async function updateMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [
    workspaceId,
    userId,
    role,
  ]);
}
