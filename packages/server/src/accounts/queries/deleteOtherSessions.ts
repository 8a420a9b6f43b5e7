// Owns ending a user's sessions but one (after a password change).
import type { Db } from '../../store/Store.ts';

/** Every session of the user except `keepId` ('' keeps none). */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepId]);
}
