// Owns deleting one cohort of a workspace with its membership; says whether it existed.
import type { Db } from '../../store/Store.ts';

export async function deleteCohort(db: Db, workspaceId: string, id: string): Promise<boolean> {
  await db.query('DELETE FROM analytics_cohort_members WHERE workspace_id = $1 AND cohort_id = $2', [
    workspaceId,
    id,
  ]);
  const rows = await db.query(
    'DELETE FROM analytics_cohorts WHERE workspace_id = $1 AND id = $2 RETURNING id',
    [workspaceId, id],
  );
  return rows.length > 0;
}
