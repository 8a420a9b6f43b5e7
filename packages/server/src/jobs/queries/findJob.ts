// Owns reading one job of a workspace by id.
import type { Db } from '../../store/Store.ts';
import { JOB_COLUMNS, type StoredJob } from '../StoredJob.ts';

export async function findJob(db: Db, workspaceId: string, id: string): Promise<StoredJob | undefined> {
  const [row] = await db.query<StoredJob & Record<string, unknown>>(
    `SELECT ${JOB_COLUMNS} FROM jobs WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row;
}
