// Owns writing a new membership row.
import type { Db } from '../../store/Store.ts';
import type { Role } from '../permissions.ts';

export async function insertMembership(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db.query(
    'INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, now())',
    [workspaceId, userId, role],
  );
}
