// Owns server-side sessions: random tokens (only their SHA-256 stored), CSRF tokens, absolute + idle expiry.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/Store.ts';
import { deleteOtherSessions } from './queries/deleteOtherSessions.ts';
import { deleteSession } from './queries/deleteSession.ts';
import { deleteStaleSessions } from './queries/deleteStaleSessions.ts';
import { findSessionByToken } from './queries/findSessionByToken.ts';
import { insertSession } from './queries/insertSession.ts';
import { touchSession } from './queries/touchSession.ts';

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
    await this.store.transaction(async (tx) => {
      await deleteStaleSessions(tx, now, now - this.opts.idleSeconds * 1000);
      await insertSession(tx, {
        id: randomUUID(),
        tokenHash: sha256(token),
        userId,
        csrfToken,
        createdMs: now,
        expiresMs,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
    });
    return { token, csrfToken, expiresMs };
  }

  /** The live session of a token, or null (unknown, expired, idle too long). Expired rows are deleted. */
  async resolve(token: string): Promise<Session | null> {
    // Every signed-in request reads here: outside a transaction, which on DuckDB would wait between ingest
    // commits. The writes below need no read in their transaction: deleting or touching a row by id is the
    // same whatever happened to it meanwhile.
    const r = await findSessionByToken(this.store, sha256(token));
    if (!r) return null;
    const now = this.now();
    const lastSeen = Number(r.last_seen_ms);
    if (now >= Number(r.expires_ms) || now - lastSeen > this.opts.idleSeconds * 1000) {
      await this.revokeById(r.id);
      return null;
    }
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await this.store.transaction((tx) => touchSession(tx, r.id, now));
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
    await this.store.transaction((tx) => deleteSession(tx, id));
  }

  /** After a password change: every other session of the user ends. */
  async revokeOthers(userId: string, keepId: string | null): Promise<void> {
    await this.store.transaction((tx) => deleteOtherSessions(tx, userId, keepId ?? ''));
  }
}
