// Owns writing a new session row (the token only as its hash).
import type { Db } from '../../store/Store.ts';

interface NewSession {
  id: string;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  /** Creation time, also its first `last_seen_ms` (epoch ms). */
  createdMs: number;
  expiresMs: number;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)`,
    [s.id, s.tokenHash, s.userId, s.csrfToken, s.createdMs, s.expiresMs, s.ip, s.userAgent],
  );
}
