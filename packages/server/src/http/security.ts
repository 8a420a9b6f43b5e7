// Owns request-level protections that run before auth: the per-IP rate limit, security headers, and the
// list of log paths that must be redacted (credentials never reach the logs).
import type { FastifyInstance } from 'fastify';
import { tooMany } from '../auth/authHook.ts';
import type { Config } from '../config.ts';
import { TokenBuckets } from '../ratelimit/TokenBuckets.ts';

/** pino redaction: credentials in request headers and cookies set in replies. Bodies are never logged. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.new_password',
  '*.current_password',
];

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

export function installSecurity(app: FastifyInstance, config: Pick<Config, 'rateLimitIpPerSecond'>): void {
  const perIp = new TokenBuckets(config.rateLimitIpPerSecond);
  app.addHook('onRequest', async (req) => {
    const wait = perIp.take(req.ip);
    if (wait) throw tooMany(wait);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    // A page may set a fuller CSP (the web app); when none is set, at least forbid framing (clickjacking).
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "frame-ancestors 'none'");
    }
    return payload;
  });
}
