// Benchmark: messages/s through HTTP ingest (1,000-message batches, 4 concurrent clients, file DB, ack after
// commit) with PREFILL messages already stored, plus server peak RSS. `npm run bench:ingest`.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './spawnServer.ts';

const PREFILL = Number(process.env.BENCH_PREFILL ?? 1_000_000);
const MEASURE = Number(process.env.BENCH_MESSAGES ?? 300_000);
const BATCH = 1000;
const CLIENTS = 4;
const KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-8b-sft'];

/** One request body of BATCH messages; ids are unique per (run, batch, index). */
function body(run: string, b: number): string {
  const base = Date.parse('2026-09-01T00:00:00Z');
  const messages = new Array(BATCH);
  for (let i = 0; i < BATCH; i++) {
    const n = b * BATCH + i;
    messages[i] = {
      id: `${run}-${n}`,
      conversation_id: `${run}-c${n >> 3}`,
      role: i % 2 ? 'assistant' : 'user',
      content:
        i % 2 ? 'Here is a concise answer to your question about the billing plan.' : 'How do I upgrade?',
      created_at: new Date(base + n * 1000).toISOString(),
      model_id: MODELS[n % MODELS.length],
      provider: 'openai',
      input_tokens: 100 + (n % 500),
      output_tokens: 50 + (n % 300),
      latency_ms: 200 + (n % 1800),
      ...(i % 10 === 1 ? { tools_called: [{ name: 'search', success: n % 7 !== 0, duration_ms: 120 }] } : {}),
    };
  }
  return JSON.stringify({ messages });
}

// node:http with a keep-alive agent: the load generator shares the 2 cores with the server, and this costs it
// a fraction of fetch's per-request CPU, so more of the machine measures the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(url: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/ingest`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${KEY}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function send(url: string, count: number, run: string): Promise<number> {
  const batches = Math.ceil(count / BATCH);
  // Bodies are built before the clock starts: the figure is the server's, not the load generator's.
  const bodies = Array.from({ length: batches }, (_, b) => Buffer.from(body(run, b)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const b = next++;
        if (b >= batches) return;
        const res = await post(url, bodies[b]);
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${res.body}`);
      }
    }),
  );
  return (batches * BATCH) / ((performance.now() - started) / 1000);
}

const dir = mkdtempSync(join(tmpdir(), 'lla-bench-'));
const server = await spawnServer({
  dataDir: dir,
  port: 3900 + (process.pid % 90),
  env: { LLM_ANALYTICS_INIT_API_KEY: KEY },
});
try {
  console.log(`prefilling ${PREFILL.toLocaleString()} messages…`);
  const prefillRate = PREFILL ? await send(server.url, PREFILL, 'pre') : 0;
  console.log(`prefill: ${Math.round(prefillRate).toLocaleString()} messages/s`);
  const rate = await send(server.url, MEASURE, 'run');
  console.log(
    `ingest: ${Math.round(rate).toLocaleString()} messages/s (${MEASURE.toLocaleString()} messages in ${BATCH}-message batches, ${CLIENTS} clients, ${PREFILL.toLocaleString()} already stored)`,
  );
  const cpu = server.cpuSeconds();
  console.log(
    `server CPU: ${cpu.toFixed(1)} s; bench client CPU: ${(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1)} s`,
  );
  console.log(`server peak RSS: ${Math.round(server.peakRssMiB())} MiB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
