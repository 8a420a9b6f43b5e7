// Owns counting a workspace's owners (the last one stays).
import type { Db } from '../../store/Store.ts';

export async function countOwners(db: Db, workspaceId: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    "SELECT count(*) AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
    [workspaceId],
  );
  return Number(r.n);
}
