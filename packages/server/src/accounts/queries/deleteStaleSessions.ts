// Owns deleting sessions past their absolute expiry or idle too long.
import type { Db } from '../../store/Store.ts';

/** Sessions that expired before `now` or were last seen before `idleSince` (epoch ms). */
export async function deleteStaleSessions(db: Db, now: number, idleSince: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_ms < $1 OR last_seen_ms < $2', [now, idleSince]);
}
