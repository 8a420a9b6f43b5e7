// Benchmark: live events under load. The real server on a file DuckDB with BENCH_MESSAGES demo messages (1M)
// takes a steady HTTP ingest (200-message batches back to back) while the dashboard's full payload (its requests,
// concurrent, computed anew) runs BENCH_RUNS times: first with no event stream open, then with BENCH_SSE_CLIENTS
// (200) GET /api/events streams open. Prints the dashboard payload p50 of both phases, the ingest rate of both,
// and the `data` event latency (commit → receipt by each client: the event's `at` is its first commit's time,
// so the coalescing wait counts) p50 / p95 / max over every delivery. `npm run bench:events`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardRequests } from '../../web/src/widgets/dashboardRequests.ts';
import { createContext } from '../src/AppContext.ts';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';
import { SseClient } from '../test/helpers/SseClient.ts';
import { loadDemo } from './loadDemo.ts';
import { spawnServer } from './spawnServer.ts';

const SIZE = Number(process.argv[2] ?? process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 200);
const BATCH = 200;
const KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';

const ms = (t0: number) => performance.now() - t0;
const pctl = (xs: number[], f: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * f;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const dir = mkdtempSync(join(tmpdir(), 'lla-ebench-'));
const rows: [string, string][] = [];
try {
  const ctx = await createContext(
    loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', LLM_ANALYTICS_INIT_API_KEY: KEY }),
  );
  console.log(`loading ${SIZE.toLocaleString()} demo messages …`);
  await loadDemo(ctx, DEFAULT_WORKSPACE, { messages: SIZE, now: new Date() });
  await ctx.close();

  const server = await spawnServer({
    dataDir: dir,
    port: 3900 + (process.pid % 90),
    env: { RATE_LIMIT_KEY_PER_SECOND: '1000000', RATE_LIMIT_IP_PER_SECOND: '1000000' },
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}` };
  try {
    // The steady ingest: one client, each batch sent when the previous one is acknowledged.
    let ingesting = true;
    let sent = 0;
    let n = 0;
    const ingestLoop = (async () => {
      while (ingesting) {
        const at = new Date().toISOString();
        const messages = Array.from({ length: BATCH }, () => ({
          id: `ev-bench-${++n}`,
          conversation_id: `ev-bench-c${n >> 3}`,
          role: 'assistant',
          created_at: at,
          model_id: 'gpt-4o',
          provider: 'openai',
          input_tokens: 100,
          output_tokens: 50,
          latency_ms: 300 + (n % 900),
        }));
        const res = await fetch(`${server.url}/api/ingest`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ messages }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`ingest: ${res.status}`);
        sent += BATCH;
      }
    })();
    const requests = dashboardRequests({ dateRange: '30d', filter: undefined, compare: true });
    const payload = async () => {
      const t0 = performance.now();
      await Promise.all(
        requests.map(async ({ query }) => {
          const res = await fetch(`${server.url}/api/analytics/query`, {
            method: 'POST',
            headers: { ...headers, 'cache-control': 'no-cache' },
            body: JSON.stringify(query),
          });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`query: ${res.status} ${text}`);
        }),
      );
      return ms(t0);
    };
    const phase = async () => {
      const before = sent;
      const t0 = performance.now();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await payload());
      return { p50: pctl(times, 0.5), rate: ((sent - before) / ms(t0)) * 1000 };
    };

    await payload(); // warm-up: the first payload after start reads the file cold
    const without = await phase();
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        SseClient.open(`${server.url}/api/events`, { authorization: `Bearer ${KEY}` }),
      ),
    );
    await Promise.all(clients.map((c) => c.ready()));
    const openedAt = Date.now();
    const withClients = await phase();
    ingesting = false;
    await ingestLoop;
    const latencies = clients.flatMap((c) =>
      c.events
        .filter((e) => e.event === 'data' && Date.parse(e.data.at) >= openedAt)
        .map((e) => e.receivedWall - Date.parse(e.data.at)),
    );
    const perClient = latencies.length / CLIENTS;
    const closedEarly = clients.filter((c) => c.closed).length;
    for (const c of clients) c.close();

    rows.push([
      `dashboard payload (${requests.length} requests), no streams open`,
      `p50 ${fmt(without.p50)} ms`,
    ]);
    rows.push([`dashboard payload, ${CLIENTS} streams open`, `p50 ${fmt(withClients.p50)} ms`]);
    rows.push([
      'ingest during the payload runs (msg/s)',
      `${fmt(without.rate)} without streams · ${fmt(withClients.rate)} with`,
    ]);
    rows.push([
      `data event latency, commit → receipt (${latencies.length} deliveries, ${fmt(perClient)} per client)`,
      `p50 ${fmt(pctl(latencies, 0.5))} ms · p95 ${fmt(pctl(latencies, 0.95))} ms · max ${fmt(Math.max(...latencies))} ms`,
    ]);
    rows.push(['streams the server dropped or closed', String(closedEarly)]);
    rows.push(['server peak RSS', `${fmt(server.peakRssMiB())} MiB`]);
  } finally {
    await server.stop();
  }
  console.log(`\nbench:events — ${SIZE.toLocaleString()} messages stored, ${RUNS} payload runs per phase`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
