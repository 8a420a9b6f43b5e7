// Owns server-side sessions: random tokens (only their SHA-256 stored), CSRF tokens, absolute + idle expiry.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/Store.ts';

export interface Session {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  csrfToken: string;
  expiresMs: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// last_seen_ms is written at most once a minute per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly opts: { maxAgeSeconds: number; idleSeconds: number },
    private readonly now: () => number = Date.now,
  ) {}

  get maxAgeSeconds(): number {
    return this.opts.maxAgeSeconds;
  }

  async create(userId: string, meta: { ip?: string; userAgent?: string } = {}) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresMs = now + this.opts.maxAgeSeconds * 1000;
    // Sign-ins are rare: a good moment to drop sessions that expired without being presented again.
    await this.store.query('DELETE FROM sessions WHERE expires_ms < $1 OR last_seen_ms < $2', [
      now,
      now - this.opts.idleSeconds * 1000,
    ]);
    await this.store.query(
      `INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_ms, last_seen_ms, expires_ms, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)`,
      [
        randomUUID(),
        sha256(token),
        userId,
        csrfToken,
        now,
        expiresMs,
        meta.ip ?? null,
        meta.userAgent?.slice(0, 300) ?? null,
      ],
    );
    return { token, csrfToken, expiresMs };
  }

  /** The live session of a token, or null (unknown, expired, idle too long). Expired rows are deleted. */
  async resolve(token: string): Promise<Session | null> {
    const rows = await this.store.query<{
      id: string;
      user_id: string;
      email: string;
      name: string | null;
      csrf_token: string;
      last_seen_ms: number;
      expires_ms: number;
    }>(
      `SELECT s.id, s.user_id, u.email, u.name, s.csrf_token, s.last_seen_ms, s.expires_ms
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [sha256(token)],
    );
    const r = rows[0];
    if (!r) return null;
    const now = this.now();
    const lastSeen = Number(r.last_seen_ms);
    if (now >= Number(r.expires_ms) || now - lastSeen > this.opts.idleSeconds * 1000) {
      await this.revokeById(r.id);
      return null;
    }
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await this.store.query('UPDATE sessions SET last_seen_ms = $2 WHERE id = $1', [r.id, now]);
    }
    return {
      id: r.id,
      userId: r.user_id,
      email: r.email,
      name: r.name,
      csrfToken: r.csrf_token,
      expiresMs: Number(r.expires_ms),
    };
  }

  async revokeById(id: string): Promise<void> {
    await this.store.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  /** After a password change: every other session of the user ends. */
  async revokeOthers(userId: string, keepId: string | null): Promise<void> {
    await this.store.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepId ?? '']);
  }
}
