// Owns reading one cohort of a workspace by id.
import type { Db } from '../../store/Store.ts';
import { COHORT_COLUMNS, type StoredCohort } from '../StoredCohort.ts';

export async function findCohort(db: Db, workspaceId: string, id: string): Promise<StoredCohort | undefined> {
  const [row] = await db.query<StoredCohort & Record<string, unknown>>(
    `SELECT ${COHORT_COLUMNS.join(', ')} FROM analytics_cohorts WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row;
}
