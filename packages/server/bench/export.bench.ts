// Benchmark: a complete export (conversations, messages, evaluations, tool calls) of 1M demo messages on a file
// DuckDB, as a CSV ZIP and as a Parquet ZIP: wall time and the exporting process's peak RSS growth over idle
// (goals: CSV ≤ 10 s, Parquet ≤ 5 s, RSS growth ≤ 300 MB). Each format runs in a fresh child process that
// opens the store, settles, then exports, so one run's memory does not inflate the next one's baseline.
// `npm run bench:export` · BENCH_MESSAGES=50000 for a quick check · BENCH_DATA_DIR=<dir> keeps the database.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/AppContext.ts';
import { loadConfig } from '../src/config.ts';
import { completeTables } from '../src/exports/content/completeTables.ts';
import { exportScope } from '../src/exports/exportTables.ts';
import { writeExport } from '../src/exports/writers/writeExport.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';
import { loadDemo } from './loadDemo.ts';

const SIZE = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const FORMATS = ['csv', 'parquet'] as const;
const DAY = 86_400_000;
const MB = 1024 * 1024;

interface RunResult {
  format: string;
  seconds: number;
  rows: number;
  bytes: number;
  idleRssMb: number;
  peakRssMb: number;
}

/** Child: open the store, settle, export once, print the figures as JSON on the last line. */
async function child(dir: string, format: (typeof FORMATS)[number], now: Date): Promise<void> {
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
  await new Promise((r) => setTimeout(r, 500));
  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const request = {
    format,
    exportType: 'complete' as const,
    startDate: new Date(now.getTime() - 91 * DAY).toISOString(),
    endDate: new Date(now.getTime() + DAY).toISOString(),
  };
  const tables = await completeTables(ctx, exportScope(DEFAULT_WORKSPACE, request, now));
  const out = await writeExport({ format, tables, path: join(dir, `complete-${format}.zip`) });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result: RunResult = {
    format,
    seconds,
    rows: out.rows,
    bytes: out.bytes,
    idleRssMb: idle / MB,
    peakRssMb: peak / MB,
  };
  await ctx.close();
  console.log(JSON.stringify(result));
}

async function main(): Promise<void> {
  const keep = process.env.BENCH_DATA_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'lla-xbench-'));
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, `llm-analytics.duckdb.loaded-${SIZE}`);
  // A kept database was loaded ending at the time its marker holds: the export's range follows it.
  const now = existsSync(marker) ? new Date(readFileSync(marker, 'utf8')) : new Date();
  try {
    if (!existsSync(marker)) {
      const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
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
      await ctx.close();
      writeFileSync(marker, now.toISOString());
    }
    const script = fileURLToPath(import.meta.url);
    const results: RunResult[] = [];
    for (const format of FORMATS) {
      const stdout = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', script, '--child', dir, format, now.toISOString()],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, UV_THREADPOOL_SIZE: '8' },
        },
      );
      results.push(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as RunResult);
    }
    const goals: Record<string, number> = { csv: 10, parquet: 5 };
    console.log(
      `\ncomplete export of ${SIZE.toLocaleString()} messages, DuckDB file, load average ${loadavg()[0].toFixed(2)}`,
    );
    for (const r of results) {
      const growth = r.peakRssMb - r.idleRssMb;
      console.log(
        `  ${r.format.padEnd(8)} ${r.seconds.toFixed(2)} s (goal ≤ ${goals[r.format]} s) · ${r.rows.toLocaleString()} rows · ${(r.bytes / MB).toFixed(1)} MB file · RSS idle ${r.idleRssMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB, growth ${growth.toFixed(0)} MB (goal ≤ 300 MB)`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4] as (typeof FORMATS)[number], new Date(process.argv[5]));
} else {
  await main();
}
