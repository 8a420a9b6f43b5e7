// Owns adding one cohort row (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { COHORT_COLUMNS, cohortValues, type StoredCohort } from '../StoredCohort.ts';

export async function insertCohort(db: Db, c: StoredCohort): Promise<void> {
  await db.query(
    `INSERT INTO analytics_cohorts (${COHORT_COLUMNS.join(', ')})
       VALUES (${COHORT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
    cohortValues(c),
  );
}
