// Owns reading a user by id (without credentials).
import type { Db } from '../../store/Store.ts';
import type { User } from '../UserService.ts';

export async function findUser(db: Db, id: string): Promise<User | null> {
  const rows = await db.query<User & Record<string, unknown>>(
    'SELECT id, email, name, created_at FROM users WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
