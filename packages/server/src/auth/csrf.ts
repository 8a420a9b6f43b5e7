// Owns the CSRF check of cookie-authenticated mutations: the X-CSRF-Token header against the session's token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/ApiError.ts';

export function assertCsrf(req: FastifyRequest, expected: string): void {
  const sent = req.headers['x-csrf-token'];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ApiError(
      403,
      'csrf_failed',
      'send the X-CSRF-Token header with the csrf_token of your session',
    );
  }
}
