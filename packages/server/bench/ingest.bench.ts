// Benchmark: messages/s through HTTP ingest (1,000-message batches, 4 concurrent clients, file DB, ack after
// commit) with PREFILL messages already stored, plus server peak RSS. `npm run bench:ingest`; `-- --arrival X`
// changes how the measured messages come (see `bodies`): with their conversations, in random time order, or in
// random order each batch followed by the conversations it first references (repairs of stored messages).
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
const ARRIVALS = ['ordered', 'with-conversations', 'shuffled', 'late-conversations'] as const;
type Arrival = (typeof ARRIVALS)[number];
const flag = process.argv.indexOf('--arrival');
const arrivalArg =
  process.argv.find((a) => a.startsWith('--arrival='))?.slice(10) ??
  (flag >= 0 ? process.argv[flag + 1] : undefined);
const ARRIVAL: Arrival = ARRIVALS.find((a) => a === arrivalArg) ?? 'ordered';
if (arrivalArg && arrivalArg !== ARRIVAL) throw new Error(`--arrival must be one of ${ARRIVALS.join(', ')}`);

/** Message `n` of a run: 8 messages per conversation, one second apart. */
function message(run: string, n: number, i: number) {
  return {
    id: `${run}-${n}`,
    conversation_id: `${run}-c${n >> 3}`,
    role: i % 2 ? 'assistant' : 'user',
    content:
      i % 2 ? 'Here is a concise answer to your question about the billing plan.' : 'How do I upgrade?',
    created_at: new Date(Date.parse('2026-09-01T00:00:00Z') + n * 1000).toISOString(),
    model_id: MODELS[n % MODELS.length],
    provider: 'openai',
    input_tokens: 100 + (n % 500),
    output_tokens: 50 + (n % 300),
    latency_ms: 200 + (n % 1800),
    ...(i % 10 === 1 ? { tools_called: [{ name: 'search', success: n % 7 !== 0, duration_ms: 120 }] } : {}),
  };
}

/**
 * The request bodies of `count` messages (ids unique per run and index), each group sent in order by one client:
 * in time order or a random (seeded) one, and with the conversations each batch is the first to reference
 * either in the batch itself (what the SDK sends) or in a request right after it (a client that writes a
 * conversation's record after its first message).
 */
function bodies(run: string, count: number, arrival: Arrival): Buffer[][] {
  const order = Array.from({ length: count }, (_, n) => n);
  if (arrival === 'shuffled' || arrival === 'late-conversations') {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  const sent = new Set<number>();
  return Array.from({ length: Math.ceil(count / BATCH) }, (_, b) => {
    const ns = order.slice(b * BATCH, (b + 1) * BATCH);
    const messages = ns.map((n, i) => message(run, n, i));
    const json = (x: object) => Buffer.from(JSON.stringify(x));
    if (arrival === 'ordered' || arrival === 'shuffled') return [json({ messages })];
    const conversations = [...new Set(ns.map((n) => n >> 3))]
      .filter((c) => !sent.has(c) && sent.add(c))
      .map((c) => ({ id: `${run}-c${c}`, user_id: `u-${c % 5000}`, session_id: `s-${c % 40}` }));
    return arrival === 'with-conversations'
      ? [json({ conversations, messages })]
      : [json({ messages }), json({ conversations })];
  });
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

/** Sends the request groups (each group's requests in order, by one client) and returns messages/s. */
async function send(url: string, count: number, groups: Buffer[][]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const g = next++;
        if (g >= groups.length) return;
        for (const b of groups[g]) {
          const res = await post(url, b);
          if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${res.body}`);
        }
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const dir = mkdtempSync(join(tmpdir(), 'lla-bench-'));
const server = await spawnServer({
  dataDir: dir,
  port: 3900 + (process.pid % 90),
  env: { LLM_ANALYTICS_INIT_API_KEY: KEY },
});
try {
  console.log(`prefilling ${PREFILL.toLocaleString()} messages…`);
  // Bodies are built before each clock starts: the figure is the server's, not the load generator's.
  const prefillRate = PREFILL ? await send(server.url, PREFILL, bodies('pre', PREFILL, 'ordered')) : 0;
  console.log(`prefill: ${Math.round(prefillRate).toLocaleString()} messages/s`);
  const measured = bodies('run', MEASURE, ARRIVAL);
  const cpuBefore = server.cpuSeconds();
  const rate = await send(server.url, MEASURE, measured);
  const measuredCpu = server.cpuSeconds() - cpuBefore;
  console.log(
    `ingest (${ARRIVAL}): ${Math.round(rate).toLocaleString()} messages/s (${MEASURE.toLocaleString()} messages in ${BATCH}-message batches, ${CLIENTS} clients, ${PREFILL.toLocaleString()} already stored)`,
  );
  // CPU per message is steadier than the rate when other work shares the machine.
  console.log(
    `server CPU per measured message: ${((measuredCpu * 1e6) / MEASURE).toFixed(1)} µs (${measuredCpu.toFixed(1)} s)`,
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
