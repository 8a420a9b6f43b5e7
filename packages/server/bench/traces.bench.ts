// Benchmark: spans/s through POST /v1/traces (OTLP protobuf, 512-span requests, 4 concurrent clients, file DB,
// ack after commit) with PREFILL spans already stored, plus server CPU per span and peak RSS; then, with every
// span stored, trace list (first page, a later page, filtered pages) and trace detail latency p50/p95.
// `npm run bench:traces` (BENCH_PREFILL, BENCH_SPANS, BENCH_RUNS).
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_PROTO } from '../src/ingest/otlp/traceProto.ts';
import { spawnServer } from './spawnServer.ts';

const PREFILL = Number(process.env.BENCH_PREFILL ?? 1_000_000);
const MEASURE = Number(process.env.BENCH_SPANS ?? 256_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const BATCH = 512;
const CLIENTS = 4;
const KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';
const T0 = 1_788_000_000_000_000_000n;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-8b-sft'];

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: v } });
const id = (n: number, bytes: number) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex');

const traceHex = (run: number, n: number) => (run * 1e9 + (n >> 3) + 1).toString(16).padStart(32, '0');

/** The attributes of span `n`: a server root, one LLM call (model, tokens, conversation), then tool calls. */
function spanAttributes(n: number) {
  const k = n & 7;
  if (k === 0) return [str('http.route', '/chat'), str('http.request.method', 'POST')];
  if (k === 1)
    return [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.provider.name', 'openai'),
      str('gen_ai.request.model', MODELS[(n >> 3) % MODELS.length]),
      int('gen_ai.usage.input_tokens', 100 + (n % 500)),
      int('gen_ai.usage.output_tokens', 50 + (n % 300)),
      str('gen_ai.conversation.id', `conv-${n >> 5}`),
    ];
  return [str('gen_ai.operation.name', 'execute_tool'), str('gen_ai.tool.name', k % 2 ? 'search' : 'fetch')];
}

/** Request `r` of a run: 512 spans, traces of 8 (a server root, an LLM call, six tool calls). */
function body(run: number, r: number): Buffer {
  const spans = Array.from({ length: BATCH }, (_, i) => {
    const n = r * BATCH + i;
    const start = T0 + BigInt(n) * 1_000_000n;
    const k = n & 7;
    return {
      traceId: Buffer.from(traceHex(run, n), 'hex'),
      spanId: id(run * 1e10 + n + 1, 8),
      ...(k === 0 ? {} : { parentSpanId: id(run * 1e10 + (n & ~7) + 1, 8) }),
      name:
        k === 0 ? 'POST /chat' : k === 1 ? `chat ${MODELS[(n >> 3) % MODELS.length]}` : 'execute_tool search',
      kind: k === 0 ? 2 : k === 1 ? 3 : 1,
      startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + BigInt(200_000_000 + (n % 1800) * 1_000_000)),
      attributes: spanAttributes(n),
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

async function getJson(url: string): Promise<{ ms: number; body: { data?: Record<string, unknown> } }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
  const body = (await res.json()) as { data?: Record<string, unknown> };
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}

const pctl = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** RUNS sequential requests (after one warm-up), p50/p95 in ms; `path(i)` names request i. */
async function latency(label: string, url: string, path: (i: number) => string): Promise<void> {
  await getJson(`${url}${path(-1)}`);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await getJson(`${url}${path(i)}`)).ms);
  console.log(
    `${label}: p50 ${pctl(ms, 0.5).toFixed(1)} ms · p95 ${pctl(ms, 0.95).toFixed(1)} ms (${RUNS} runs)`,
  );
}

/** Trace list and detail latency over HTTP with every span stored. */
async function readLatency(url: string, stored: number): Promise<void> {
  const first = await getJson(`${url}/api/analytics/traces`);
  const traces = (first.body.data?.traces ?? []) as { trace_id: string }[];
  const cursor = first.body.data?.next_cursor as string | null;
  console.log(
    `reads with ${stored.toLocaleString()} spans stored (${traces.length} traces on the first page):`,
  );
  await latency('  list, first page (100)', url, () => '/api/analytics/traces');
  if (cursor) await latency('  list, second page', url, () => `/api/analytics/traces?cursor=${cursor}`);
  await latency('  list, model filter', url, () => `/api/analytics/traces?model=${MODELS[1]}`);
  await latency('  list, status=error', url, () => '/api/analytics/traces?status=error');
  // Detail of traces spread over the prefill (random ones, not the page just read).
  const traceCount = Math.max(1, Math.floor(PREFILL / 8));
  await latency('  trace detail', url, (i) => {
    const n = (((i + 2) * 2_654_435_761) % traceCount) * 8;
    return `/api/traces/${traceHex(0, n)}`;
  });
}

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
  await readLatency(server.url, (PREFILL ? Math.ceil(PREFILL / BATCH) * BATCH : 0) + requests * BATCH);
  console.log(`server peak RSS: ${Math.round(server.peakRssMiB())} MiB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
