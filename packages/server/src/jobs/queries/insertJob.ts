// Owns adding one queued job.
import type { Db } from '../../store/Store.ts';

export interface NewJob {
  id: string;
  workspaceId: string;
  kind: string;
  /** JSON text. */
  payload: string;
  createdMs: number;
  runAtMs: number;
}

export async function insertJob(db: Db, j: NewJob): Promise<void> {
  await db.query(
    `INSERT INTO jobs (id, workspace_id, kind, status, progress, payload, attempts, created_ms, run_at_ms)
       VALUES ($1, $2, $3, 'queued', 0, $4, 0, $5, $6)`,
    [j.id, j.workspaceId, j.kind, j.payload, j.createdMs, j.runAtMs],
  );
}
