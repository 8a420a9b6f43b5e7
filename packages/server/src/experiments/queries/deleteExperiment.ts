// Owns deleting one experiment of a workspace; says whether it existed.
import type { Db } from '../../store/Store.ts';

export async function deleteExperiment(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM analytics_experiments WHERE workspace_id = $1 AND id = $2 RETURNING id',
    [workspaceId, id],
  );
  return rows.length > 0;
}
