// Owns replacing a user's password hash (and its change time).
import type { Db } from '../../store/Store.ts';

export async function updatePassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
    userId,
    passwordHash,
  ]);
}
