// Owns reading the session of a token's hash, with its user's email and name.
import type { Db } from '../../store/Store.ts';

interface StoredSession {
  id: string;
  user_id: string;
  email: string;
  name: string | null;
  csrf_token: string;
  last_seen_ms: number;
  expires_ms: number;
}

export async function findSessionByToken(db: Db, tokenHash: string): Promise<StoredSession | null> {
  const rows = await db.query<StoredSession & Record<string, unknown>>(
    `SELECT s.id, s.user_id, u.email, u.name, s.csrf_token, s.last_seen_ms, s.expires_ms
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}
