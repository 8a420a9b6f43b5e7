// Owns a real local node:http stand-in for POST /api/ingest that records requests and fails on command.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IngestBody {
  models: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  evaluations: Record<string, unknown>[];
}

export interface RecordedRequest {
  at: number;
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  bytes: number;
  body: IngestBody;
}

/** What to do with one incoming request instead of accepting it. */
export type Plan =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | 'reset' // destroy the socket: the client sees a network error
  | 'hang'; // never answer: the client times out

export interface FakeIngestServer {
  url: string;
  requests: RecordedRequest[];
  /** Answers the next requests with these plans, in order, then goes back to accepting. */
  plan(...plans: Plan[]): void;
  /** Highest number of requests the server was handling at the same time. */
  maxConcurrent(): number;
  /** All records the server acknowledged, per kind. */
  accepted: IngestBody;
  /** Delay every accepted response by this many ms. */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFakeIngestServer(): Promise<FakeIngestServer> {
  const requests: RecordedRequest[] = [];
  const plans: Plan[] = [];
  const accepted: IngestBody = { models: [], conversations: [], messages: [], evaluations: [] };
  let active = 0;
  let peak = 0;
  let latency = 0;
  const server = createServer(async (req, res) => {
    active++;
    peak = Math.max(peak, active);
    try {
      const raw = await readBody(req);
      const body = JSON.parse(raw.toString('utf8')) as IngestBody;
      requests.push({
        at: Date.now(),
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        bytes: raw.length,
        body,
      });
      const plan = plans.shift();
      if (plan === 'reset') {
        req.socket.destroy();
        return;
      }
      if (plan === 'hang') return; // the client aborts; the socket closes from its side
      if (plan) {
        res.writeHead(plan.status, { 'content-type': 'application/json', ...plan.headers });
        res.end(
          JSON.stringify(plan.body ?? { error: { code: 'failure', message: `planned ${plan.status}` } }),
        );
        return;
      }
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      for (const k of ['models', 'conversations', 'messages', 'evaluations'] as const)
        accepted[k].push(...body[k]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          accepted: {
            models: body.models.length,
            conversations: body.conversations.length,
            messages: body.messages.length,
            evaluations: body.evaluations.length,
          },
        }),
      );
    } finally {
      active--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    plan: (...p) => plans.push(...p),
    maxConcurrent: () => peak,
    setLatency: (ms) => {
      latency = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
