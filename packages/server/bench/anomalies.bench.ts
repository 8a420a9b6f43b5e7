// Benchmark: one anomaly scan of 90 days at 1M demo messages (300k evaluations), on a file DuckDB: every watched
// metric, overall and per model and provider, hourly and daily — the AnalyticsQueries, the detection and the
// upsert, as the `anomaly_scan` job runs it (goal ≤ 5 s). The first scan stores what it finds; the repeats
// find the same anomalies and write nothing. `npm run bench:anomalies` · BENCH_MESSAGES=50000 for a quick check
// · BENCH_RUNS (default 5) · BENCH_DATA_DIR=<dir> keeps the loaded database for the next run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnomalyListQuerySchema } from '@llm-analytics/core';
import { createContext } from '../src/AppContext.ts';
import { AnomalyService } from '../src/anomalies/AnomalyService.ts';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';
import { loadDemo } from './loadDemo.ts';

const SIZE = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const HOUR = 3_600_000;

const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'lla-abench-'));
mkdirSync(dir, { recursive: true });
const marker = join(dir, `llm-analytics.duckdb.anomalies-loaded-${SIZE}`);

try {
  // No schedule runs here: the runner is never started, so the scans timed are the bench's own.
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
  // A kept database was loaded ending at the time its marker holds: the scan's "now" follows it.
  const now = existsSync(marker) ? new Date(readFileSync(marker, 'utf8')) : new Date();
  if (!existsSync(marker)) {
    console.log(`loading ${SIZE.toLocaleString()} demo messages …`);
    const r = await loadDemo(ctx, DEFAULT_WORKSPACE, {
      messages: SIZE,
      now,
      judgeCopies: true,
      onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()} messages`),
    });
    process.stdout.write('\n');
    console.log(
      `loaded ${r.messages.toLocaleString()} messages, ${r.evaluations.toLocaleString()} evaluations, ${r.conversations.toLocaleString()} conversations in ${r.seconds.toFixed(1)} s`,
    );
    writeFileSync(marker, now.toISOString());
  }
  // The demo's timeline stops an hour before its `now`: scan from there, so the empty last hour is not an outage.
  const scanNow = Math.floor(now.getTime() / HOUR) * HOUR;
  const anomalies = new AnomalyService(ctx.store, ctx.analytics, ctx.events, ctx.activity, () => scanNow);
  console.log(
    `\nanomaly scan of 90 days, ${SIZE.toLocaleString()} demo messages, DuckDB file, load average ${loadavg()[0].toFixed(2)}`,
  );
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await anomalies.scan(DEFAULT_WORKSPACE);
    const wall = performance.now() - t0;
    walls.push(wall);
    console.log(
      `  scan ${i + 1}: ${(wall / 1000).toFixed(2)} s (goal ≤ 5 s) · ${r.queries} queries ${r.query_ms} ms · detection of ${r.series} series ${r.detect_ms} ms · ${r.detected} anomalies: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged`,
    );
  }
  const sorted = [...walls].sort((a, b) => a - b);
  console.log(
    `  median ${(sorted[Math.floor((sorted.length - 1) / 2)] / 1000).toFixed(2)} s over ${RUNS} scans`,
  );
  const shown = [];
  for (const sensitivity of ['low', 'medium', 'high'] as const) {
    const list = await anomalies.list(
      DEFAULT_WORKSPACE,
      AnomalyListQuerySchema.parse({ sensitivity, limit: 500 }),
    );
    shown.push(`${sensitivity} ${list.length}${list.length === 500 ? '+' : ''}`);
  }
  console.log(`  anomalies listed per sensitivity: ${shown.join(', ')}`);
  await ctx.close();
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
