// Owns the session cookie: its name, reading it from a Cookie header, and the Set-Cookie strings.
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'lla_session';

export function readSessionCookie(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const v = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
    }
  }
  return null;
}

// Secure only over https: a plain-http self-hosted install on a LAN must still be able to sign in.
const attrs = (req: FastifyRequest) =>
  `HttpOnly; SameSite=Lax; Path=/${req.protocol === 'https' ? '; Secure' : ''}`;

export const sessionCookie = (req: FastifyRequest, token: string, maxAgeSeconds: number) =>
  `${SESSION_COOKIE}=${token}; ${attrs(req)}; Max-Age=${maxAgeSeconds}`;

export const clearedSessionCookie = (req: FastifyRequest) => `${SESSION_COOKIE}=; ${attrs(req)}; Max-Age=0`;
