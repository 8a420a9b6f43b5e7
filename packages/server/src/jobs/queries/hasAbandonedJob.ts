// Owns the cheap read before recovering: is any running job's heartbeat older than the limit?
import type { Db } from '../../store/Store.ts';

export async function hasAbandonedJob(db: Db, staleBeforeMs: number): Promise<boolean> {
  const rows = await db.query(
    "SELECT id FROM jobs WHERE status = 'running' AND (heartbeat_ms IS NULL OR heartbeat_ms < $1) LIMIT 1",
    [staleBeforeMs],
  );
  return rows.length > 0;
}
