// Owns moving a session's last-seen time (its idle expiry).
import type { Db } from '../../store/Store.ts';

export async function touchSession(db: Db, id: string, now: number): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_ms = $2 WHERE id = $1', [id, now]);
}
