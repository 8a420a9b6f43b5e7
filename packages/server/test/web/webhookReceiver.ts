// Owns the local HTTP receiver of the alert browser tests: records each request (headers, raw body) and checks a
// Standard Webhooks signature (HMAC-SHA256 of `id.timestamp.body` with the `whsec_` secret's bytes).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  requests: Received[];
  /** Resolves with the next request (or one already received and not yet taken). */
  next(): Promise<Received>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: Received[] = [];
  let taken = 0;
  const waiting: ((r: Received) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(r);
      res.writeHead(204).end();
      const w = waiting.shift();
      if (w) {
        taken++;
        w(r);
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    next() {
      if (taken < requests.length) return Promise.resolve(requests[taken++]);
      return new Promise((ok) => waiting.push(ok));
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** True when one of the request's `v1,` signatures is the HMAC of its id, timestamp and body. */
export function signatureValid(r: Received, secret: string): boolean {
  const id = String(r.headers['webhook-id'] ?? '');
  const ts = String(r.headers['webhook-timestamp'] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const want = createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest();
  return String(r.headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => {
      const got = Buffer.from(s.slice(3), 'base64');
      return got.length === want.length && timingSafeEqual(got, want);
    });
}
