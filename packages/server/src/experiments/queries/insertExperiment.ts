// Owns adding one experiment row (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { EXPERIMENT_COLUMNS, experimentValues, type StoredExperiment } from '../StoredExperiment.ts';

export async function insertExperiment(db: Db, e: StoredExperiment): Promise<void> {
  await db.query(
    `INSERT INTO analytics_experiments (${EXPERIMENT_COLUMNS.join(', ')})
       VALUES (${EXPERIMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
    experimentValues(e),
  );
}
