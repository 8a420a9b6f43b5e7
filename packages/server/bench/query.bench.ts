// Benchmark: server time of the dashboard's full payload (the requests one dashboard load sends, derived from the
// widget declarations: web/src/widgets/dashboardRequests.ts; concurrent, over HTTP to the real server on a file
// DuckDB) and of one filter change, p50/p95 over 20 runs, server peak RSS; and the seed's
// approach (raw rows as JSON to the client, aggregated in JS) at the same size as the ratio to beat; and the
// results of one A/B experiment of the demo (GET /api/analytics/experiments/:id/results).
// `npm run bench:query` (1M messages) · `npm run bench:query -- 10000000` or BENCH_10M=1 · BENCH_DATA_DIR=<dir>
// keeps/reuses the loaded database between runs.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Filter } from '@llm-analytics/core';
import { dashboardRequests } from '../../web/src/widgets/dashboardRequests.ts';
import { KPI_ROW } from '../../web/src/widgets/kpis.ts';
import { WIDGETS } from '../../web/src/widgets/widgets.ts';
import { createContext } from '../src/AppContext.ts';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';
import { loadDemo } from './loadDemo.ts';
import { aggregateSeed, fetchSeedData } from './seedApproach.ts';
import { spawnServer } from './spawnServer.ts';

const SIZE = Number(
  process.argv[2] ?? (process.env.BENCH_10M ? 10_000_000 : (process.env.BENCH_MESSAGES ?? 1_000_000)),
);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SEED_RUNS = 3;
const KEY = 'bench-key-0123456789abcdefghijklmnopqrstuvwxyz';
const FILTER: Filter = ['eq', 'model', 'gpt-4o'];
const WITH_SEED = SIZE <= 1_000_000 || process.env.BENCH_SEED === '1';
/** The dashboard's default header: 30 days, comparison on; optionally narrowed by a filter tree. */
const title = (id: string) => (id === KPI_ROW ? 'KPI cards' : WIDGETS.find((w) => w.id === id)!.title);
const dashboardLoad = (filter?: Filter) =>
  dashboardRequests({ dateRange: '30d', filter, compare: true }).map((r) => ({
    widget: r.widgets.map(title).join(' + '),
    query: r.query,
  }));

const ms = (t0: number) => performance.now() - t0;
const pctl = (xs: number[], f: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * f;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'lla-qbench-'));
mkdirSync(dir, { recursive: true });
const dbFile = join(dir, 'llm-analytics.duckdb');
const rows: [string, string][] = [];

try {
  // 1. Load (or reuse) the data, and run the seed's approach in-process against the same store.
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', LLM_ANALYTICS_INIT_API_KEY: KEY });
  const ctx = await createContext(config);
  if (!keep || !existsSync(`${dbFile}.loaded-${SIZE}`)) {
    console.log(`loading ${SIZE.toLocaleString()} demo messages into ${dbFile} …`);
    const r = await loadDemo(ctx, DEFAULT_WORKSPACE, {
      messages: SIZE,
      now: new Date(),
      judgeCopies: true,
      onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()} messages`),
    });
    process.stdout.write('\n');
    rows.push([
      'load (generate + store commit)',
      `${r.messages.toLocaleString()} messages, ${r.evaluations.toLocaleString()} evaluations, ${r.conversations.toLocaleString()} conversations in ${r.seconds.toFixed(1)} s`,
    ]);
    if (keep) writeFileSync(`${dbFile}.loaded-${SIZE}`, '');
  }
  let seedMs = Number.NaN;
  if (WITH_SEED) {
    const settings = await ctx.settings.get(DEFAULT_WORKSPACE);
    const now = new Date();
    const times: number[] = [];
    const parts: string[] = [];
    let filterMs = 0;
    for (let i = 0; i < SEED_RUNS; i++) {
      const t0 = performance.now();
      const { data, bytes } = await fetchSeedData(
        ctx.store,
        DEFAULT_WORKSPACE,
        new Date(now.getTime() - 30 * 864e5),
        now,
      );
      const fetched = ms(t0);
      const t1 = performance.now();
      aggregateSeed(data, { slaMs: settings.sla_threshold_ms, pricePer1k: 0.03 });
      times.push(ms(t0));
      parts.push(
        `select+JSON ${fmt(fetched)} ms (${(bytes / 1e6).toFixed(0)} MB, ${data.messages.length.toLocaleString()} messages), aggregate ${fmt(ms(t1))} ms`,
      );
      const t2 = performance.now();
      aggregateSeed(data, { slaMs: settings.sla_threshold_ms, pricePer1k: 0.03, model: 'gpt-4o' });
      filterMs = ms(t2);
    }
    seedMs = pctl(times, 0.5);
    rows.push(['seed approach: full load (median of 3)', `${fmt(seedMs)} ms`]);
    for (const [i, part] of parts.entries()) rows.push([`  run ${i + 1}`, part]);
    rows.push(['seed approach: filter change (JS re-aggregation)', `${fmt(filterMs)} ms`]);
  }
  await ctx.close();

  // 2. The real server on that file; the dashboard's requests concurrently, as the browser sends them.
  const server = await spawnServer({
    dataDir: dir,
    port: 3800 + (process.pid % 90),
    env: { RATE_LIMIT_KEY_PER_SECOND: '1000000', RATE_LIMIT_IP_PER_SECOND: '1000000' },
  });
  try {
    // `no-cache` makes the server compute every reply: the figures are the query engine's, not the reply
    // cache's. The cached (repeat-visit) figure is measured separately below.
    const payload = async (filters?: Filter, cached = false) => {
      const t0 = performance.now();
      await Promise.all(
        dashboardLoad(filters).map(async ({ widget, query }) => {
          const res = await fetch(`${server.url}/api/analytics/query`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${KEY}`,
              ...(cached ? {} : { 'cache-control': 'no-cache' }),
            },
            body: JSON.stringify(query),
          });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`${widget}: ${res.status} ${text}`);
        }),
      );
      return ms(t0);
    };
    const cold = await payload();
    const full: number[] = [];
    const filtered: number[] = [];
    for (let i = 0; i < RUNS; i++) full.push(await payload());
    for (let i = 0; i < RUNS; i++) filtered.push(await payload(FILTER));
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await payload(undefined, true));
    const n = dashboardLoad().length;
    rows.push([`dashboard full payload (${n} requests, concurrent), first`, `${fmt(cold)} ms`]);
    rows.push([
      `dashboard full payload, ${RUNS} runs`,
      `p50 ${fmt(pctl(full, 0.5))} ms · p95 ${fmt(pctl(full, 0.95))} ms`,
    ]);
    rows.push([
      `filter change (model = gpt-4o), ${RUNS} runs`,
      `p50 ${fmt(pctl(filtered, 0.5))} ms · p95 ${fmt(pctl(filtered, 0.95))} ms`,
    ]);
    rows.push([
      `full payload from the reply cache (repeat visit), ${RUNS} runs`,
      `p50 ${fmt(pctl(warm, 0.5))} ms · p95 ${fmt(pctl(warm, 0.95))} ms`,
    ]);
    // Per widget, alone (median of 5), unfiltered and with the filter: where the payload's time goes.
    const alone = async (query: unknown) => {
      const t: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/analytics/query`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${KEY}`,
            'cache-control': 'no-cache',
          },
          body: JSON.stringify(query),
        });
        await res.arrayBuffer();
        t.push(ms(t0));
      }
      return fmt(pctl(t, 0.5));
    };
    const filteredList = dashboardLoad(FILTER);
    for (const [i, { widget, query }] of dashboardLoad().entries()) {
      rows.push([
        `  ${widget} alone (median of 5)`,
        `${await alone(query)} ms · filtered ${await alone(filteredList[i].query)} ms`,
      ]);
    }
    // Experiment results (issue 18): the demo's first A/B experiment from its suggested draft, every metric of
    // the draft (success rate, error rate, p95 latency with its bootstrap, cost per message), computed anew.
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...init.headers },
      }).then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
        return body;
      });
    const { suggestions } = await api('/api/analytics/experiments/suggestions');
    const experiment = await api('/api/analytics/experiments', {
      method: 'POST',
      body: JSON.stringify({ ...suggestions[0].draft, min_effect: 0.03 }),
    });
    const results = async (cached = false) => {
      const t0 = performance.now();
      await api(`/api/analytics/experiments/${experiment.id}/results`, {
        headers: cached ? {} : { 'cache-control': 'no-cache' },
      });
      return ms(t0);
    };
    const experimentFirst = await results();
    const experimentRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) experimentRuns.push(await results());
    const experimentCached: number[] = [];
    for (let i = 0; i < RUNS; i++) experimentCached.push(await results(true));
    const units = (suggestions[0].conversations as number[]).reduce((a, b) => a + b, 0);
    rows.push([
      `experiment results (${units.toLocaleString()} conversations, 4 metrics), first`,
      `${fmt(experimentFirst)} ms`,
    ]);
    rows.push([
      `experiment results, ${RUNS} runs (goal p50 ≤ 300 ms)`,
      `p50 ${fmt(pctl(experimentRuns, 0.5))} ms · p95 ${fmt(pctl(experimentRuns, 0.95))} ms`,
    ]);
    rows.push([
      `experiment results from the reply cache, ${RUNS} runs`,
      `p50 ${fmt(pctl(experimentCached, 0.5))} ms · p95 ${fmt(pctl(experimentCached, 0.95))} ms`,
    ]);
    rows.push(['server peak RSS', `${Math.round(server.peakRssMiB())} MiB`]);
    if (WITH_SEED)
      rows.push(['speed-up vs seed approach (full load p50)', `${(seedMs / pctl(full, 0.5)).toFixed(1)}×`]);
  } finally {
    await server.stop();
  }
  rows.push(['machine load average (1 min) at the end', loadavg()[0].toFixed(2)]);
  rows.push([
    'bench process peak RSS (load + seed approach)',
    `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  ]);
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nbench:query — ${SIZE.toLocaleString()} messages, DuckDB file, date_range 30d`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
