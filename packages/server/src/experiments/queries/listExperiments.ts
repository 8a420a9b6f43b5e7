// Owns listing a workspace's experiments, newest first.
import type { Db } from '../../store/Store.ts';
import { EXPERIMENT_COLUMNS, type StoredExperiment } from '../StoredExperiment.ts';

export async function listExperiments(db: Db, workspaceId: string): Promise<StoredExperiment[]> {
  return db.query<StoredExperiment & Record<string, unknown>>(
    `SELECT ${EXPERIMENT_COLUMNS.join(', ')} FROM analytics_experiments WHERE workspace_id = $1
       ORDER BY created_ms DESC, id DESC`,
    [workspaceId],
  );
}
