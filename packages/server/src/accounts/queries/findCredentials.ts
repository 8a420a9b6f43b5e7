// Owns reading the id and password hash of the user with an email (sign-in).
import type { Db } from '../../store/Store.ts';

export async function findCredentials(
  db: Db,
  email: string,
): Promise<{ id: string; password_hash: string } | null> {
  const rows = await db.query<{ id: string; password_hash: string }>(
    'SELECT id, password_hash FROM users WHERE email = $1',
    [email],
  );
  return rows[0] ?? null;
}
