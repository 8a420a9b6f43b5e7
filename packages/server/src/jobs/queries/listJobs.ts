// Owns listing a workspace's jobs, newest first, optionally of one kind and status.
import type { JobStatus } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';
import { JOB_COLUMNS, type StoredJob } from '../StoredJob.ts';

/** `limit` is written into the SQL: callers bound it. */
export async function listJobs(
  db: Db,
  workspaceId: string,
  filter: { kind?: string; status?: JobStatus; limit: number },
): Promise<StoredJob[]> {
  const params: (string | number)[] = [workspaceId];
  const where = ['workspace_id = $1'];
  if (filter.kind !== undefined) where.push(`kind = $${params.push(filter.kind)}`);
  if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`);
  return db.query<StoredJob & Record<string, unknown>>(
    `SELECT ${JOB_COLUMNS} FROM jobs WHERE ${where.join(' AND ')}
       ORDER BY created_ms DESC, id DESC LIMIT ${Math.trunc(filter.limit)}`,
    params,
  );
}
