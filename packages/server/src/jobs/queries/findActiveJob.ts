// Owns finding a workspace's queued or running job of one kind (so a schedule does not pile up copies).
import type { Db } from '../../store/Store.ts';
import { JOB_COLUMNS, type StoredJob } from '../StoredJob.ts';

export async function findActiveJob(
  db: Db,
  workspaceId: string,
  kind: string,
): Promise<StoredJob | undefined> {
  const [row] = await db.query<StoredJob & Record<string, unknown>>(
    `SELECT ${JOB_COLUMNS} FROM jobs WHERE workspace_id = $1 AND kind = $2 AND status IN ('queued', 'running')
       ORDER BY created_ms LIMIT 1`,
    [workspaceId, kind],
  );
  return row;
}
