// Owns reading a user's password hash by id (password checks).
import type { Db } from '../../store/Store.ts';

export async function findPasswordHash(db: Db, userId: string): Promise<string | null> {
  const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
    userId,
  ]);
  return rows[0]?.password_hash ?? null;
}
