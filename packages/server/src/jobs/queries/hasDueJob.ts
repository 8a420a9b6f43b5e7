// Owns the cheap read a runner polls with: is any job due? (Only then does it open a claiming transaction.)
import type { Db } from '../../store/Store.ts';

export async function hasDueJob(db: Db, nowMs: number): Promise<boolean> {
  const rows = await db.query("SELECT id FROM jobs WHERE status = 'queued' AND run_at_ms <= $1 LIMIT 1", [
    nowMs,
  ]);
  return rows.length > 0;
}
