// Owns reading one experiment of a workspace by id.
import type { Db } from '../../store/Store.ts';
import { EXPERIMENT_COLUMNS, type StoredExperiment } from '../StoredExperiment.ts';

export async function findExperiment(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<StoredExperiment | undefined> {
  const [row] = await db.query<StoredExperiment & Record<string, unknown>>(
    `SELECT ${EXPERIMENT_COLUMNS.join(', ')} FROM analytics_experiments WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row;
}
