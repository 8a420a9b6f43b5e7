// Owns reading a user by (normalised) email, without credentials.
import type { Db } from '../../store/Store.ts';
import type { User } from '../UserService.ts';

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const rows = await db.query<User & Record<string, unknown>>(
    'SELECT id, email, name, created_at FROM users WHERE email = $1',
    [email],
  );
  return rows[0] ?? null;
}
