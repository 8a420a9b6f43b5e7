// Owns replacing one experiment row's fields (its workspace, id and creation stay).
import type { Db } from '../../store/Store.ts';
import { EXPERIMENT_COLUMNS, experimentValues, type StoredExperiment } from '../StoredExperiment.ts';

const FIXED = new Set(['workspace_id', 'id', 'created_by', 'created_ms']);

export async function updateExperiment(db: Db, e: StoredExperiment): Promise<void> {
  const values = experimentValues(e);
  const sets: string[] = [];
  const params: (string | number | null)[] = [e.workspace_id, e.id];
  EXPERIMENT_COLUMNS.forEach((c, i) => {
    if (!FIXED.has(c)) sets.push(`${c} = $${params.push(values[i])}`);
  });
  await db.query(
    `UPDATE analytics_experiments SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`,
    params,
  );
}
