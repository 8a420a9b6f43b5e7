// Benchmark: spans/s through POST /v1/traces (OTLP protobuf, 512-span requests, 4 concurrent clients, file DB,
// ack after commit) with PREFILL spans already stored, plus server CPU per span and peak RSS.
// `npm run bench:traces` (BENCH_PREFILL, BENCH_SPANS). Trace list and detail latency come with their API.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_PROTO } from '../src/ingest/otlp/traceProto.ts';
import { spawnServer } from './spawnServer.ts';

const PREFILL = Number(process.env.BENCH_PREFILL ?? 1_000_000);
const MEASURE = Number(process.env.BENCH_SPANS ?? 256_000);
const BATCH = 512;
const CLIENTS = 4;
const KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';
const T0 = 1_788_000_000_000_000_000n;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-8b-sft'];

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: v } });
const id = (n: number, bytes: number) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex');

/** Request `r` of a run: 512 spans, traces of 8 (a server root, an LLM call, tool calls), GenAI attributes. */
function body(run: number, r: number): Buffer {
  const spans = Array.from({ length: BATCH }, (_, i) => {
    const n = r * BATCH + i;
    const trace = run * 1e9 + (n >> 3) + 1;
    const start = T0 + BigInt(n) * 1_000_000n;
    const root = (n & 7) === 0;
    return {
      traceId: id(trace, 16),
      spanId: id(run * 1e10 + n + 1, 8),
      ...(root ? {} : { parentSpanId: id(run * 1e10 + (n & ~7) + 1, 8) }),
      name: root ? 'POST /chat' : (n & 7) === 1 ? 'chat gpt-4o' : 'execute_tool search',
      kind: root ? 2 : 3,
      startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + BigInt(200_000_000 + (n % 1800) * 1_000_000)),
      attributes: [
        str('gen_ai.operation.name', 'chat'),
        str('gen_ai.provider.name', 'openai'),
        str('gen_ai.request.model', MODELS[n % MODELS.length]),
        int('gen_ai.usage.input_tokens', 100 + (n % 500)),
        int('gen_ai.usage.output_tokens', 50 + (n % 300)),
        str('gen_ai.conversation.id', `conv-${n >> 5}`),
        str('http.route', '/chat'),
      ],
      status: { code: n % 50 === 0 ? 2 : 0 },
    };
  });
  const message = TRACE_PROTO.request.fromObject({
    resourceSpans: [
      {
        resource: { attributes: [str('service.name', 'bench-api'), str('deployment.environment', 'bench')] },
        scopeSpans: [{ scope: { name: 'bench', version: '1.0.0' }, spans }],
      },
    ],
  });
  return Buffer.from(TRACE_PROTO.request.encode(message).finish());
}

function post(url: string, b: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/v1/traces`,
      {
        method: 'POST',
        agent: keepAlive,
        headers: {
          'content-type': 'application/x-protobuf',
          'content-length': b.length,
          authorization: `Bearer ${KEY}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(b);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

/** Sends `requests` requests of a run (bodies from `make`) over CLIENTS clients; returns spans/s. */
async function send(url: string, requests: number, make: (r: number) => Buffer): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const r = next++;
        if (r >= requests) return;
        const status = await post(url, make(r));
        if (status !== 200) throw new Error(`/v1/traces answered ${status}`);
      }
    }),
  );
  return (requests * BATCH) / ((performance.now() - started) / 1000);
}

const dir = mkdtempSync(join(tmpdir(), 'lla-bench-traces-'));
const server = await spawnServer({
  dataDir: dir,
  port: 3800 + (process.pid % 90),
  env: { LLM_ANALYTICS_INIT_API_KEY: KEY },
});
try {
  console.log(`prefilling ${PREFILL.toLocaleString()} spans…`);
  // Prefill bodies are made as they go (they would not fit in memory at 1M); the measured ones beforehand.
  const prefill = PREFILL ? await send(server.url, Math.ceil(PREFILL / BATCH), (r) => body(0, r)) : 0;
  console.log(`prefill: ${Math.round(prefill).toLocaleString()} spans/s`);
  const requests = Math.ceil(MEASURE / BATCH);
  const bodies = Array.from({ length: requests }, (_, r) => body(1, r));
  const cpuBefore = server.cpuSeconds();
  const rate = await send(server.url, requests, (r) => bodies[r]);
  const cpu = server.cpuSeconds() - cpuBefore;
  console.log(
    `ingest: ${Math.round(rate).toLocaleString()} spans/s (${(requests * BATCH).toLocaleString()} spans in ${BATCH}-span protobuf requests, ${CLIENTS} clients, ${PREFILL.toLocaleString()} already stored)`,
  );
  console.log(
    `server CPU per measured span: ${((cpu * 1e6) / (requests * BATCH)).toFixed(1)} µs (${cpu.toFixed(1)} s)`,
  );
  // Re-sending the measured spans: the upsert path (ids known to be stored).
  const resent = await send(server.url, requests, (r) => bodies[r]);
  console.log(`re-sent: ${Math.round(resent).toLocaleString()} spans/s`);
  console.log(`server peak RSS: ${Math.round(server.peakRssMiB())} MiB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
