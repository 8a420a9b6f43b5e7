// Owns reading a workspace's cohorts, by name.
import type { Db } from '../../store/Store.ts';
import { COHORT_COLUMNS, type StoredCohort } from '../StoredCohort.ts';

export async function listCohorts(db: Db, workspaceId: string): Promise<StoredCohort[]> {
  return db.query<StoredCohort & Record<string, unknown>>(
    `SELECT ${COHORT_COLUMNS.join(', ')} FROM analytics_cohorts WHERE workspace_id = $1 ORDER BY name, id`,
    [workspaceId],
  );
}
