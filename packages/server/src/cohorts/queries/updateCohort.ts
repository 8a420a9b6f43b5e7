// Owns replacing one cohort row's fields (its workspace, id and creation stay).
import type { Db } from '../../store/Store.ts';
import { COHORT_COLUMNS, cohortValues, type StoredCohort } from '../StoredCohort.ts';

const FIXED = new Set(['workspace_id', 'id', 'created_by', 'created_ms']);

export async function updateCohort(db: Db, c: StoredCohort): Promise<void> {
  const values = cohortValues(c);
  const sets: string[] = [];
  const params: (string | number | null)[] = [c.workspace_id, c.id];
  COHORT_COLUMNS.forEach((k, i) => {
    if (!FIXED.has(k)) sets.push(`${k} = $${params.push(values[i])}`);
  });
  await db.query(
    `UPDATE analytics_cohorts SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`,
    params,
  );
}
