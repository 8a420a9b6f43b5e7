// Owns writing a new user row (password already hashed).
import type { Db } from '../../store/Store.ts';

export async function insertUser(
  db: Db,
  user: { id: string; email: string; name: string | null; passwordHash: string },
): Promise<void> {
  await db.query(
    `INSERT INTO users (id, email, name, password_hash, created_at, password_changed_at)
         VALUES ($1, $2, $3, $4, now(), now())`,
    [user.id, user.email, user.name, user.passwordHash],
  );
}
