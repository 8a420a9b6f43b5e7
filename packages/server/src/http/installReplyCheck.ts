// Owns the test-time contract check: every JSON reply is judged against its route's declared schema, and a
// mismatch becomes a loud 500 `reply_contract_violated` (logged to stderr) so the route's own test fails.
import type { FastifyInstance } from 'fastify';
import { replyProblem } from './replyProblem.ts';

export function installReplyCheck(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const doc = req.routeOptions.config?.api;
    if (req.method === 'HEAD' || doc?.hidden) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if ((doc?.file || doc?.eventStream) && reply.statusCode === 200 && doc.replies[200] !== undefined)
      return payload;
    let body: unknown;
    if (doc?.binary && type.startsWith(doc.binary.mediaType) && Buffer.isBuffer(payload)) {
      body = doc.binary.decodeReply(payload);
    } else if (payload !== undefined && payload !== null && payload !== '') {
      if (typeof payload !== 'string' || !type.startsWith('application/json')) {
        return violation(reply, req.method, req.url, 'the reply is not JSON text');
      }
      body = JSON.parse(payload);
    }
    const problem = replyProblem(doc, reply.statusCode, body);
    return problem ? violation(reply, req.method, req.url, problem) : payload;
  });
}

function violation(
  reply: { code(n: number): unknown; header(k: string, v: string): unknown },
  method: string,
  url: string,
  problem: string,
): string {
  const message = `${method} ${url}: ${problem}`;
  console.error(`reply contract violated: ${message}`);
  reply.code(500);
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({ error: { code: 'reply_contract_violated', message } });
}
