// Benchmark: the dashboard's initial JS (gzip) and the time from navigation to every section rendered, in
// headless Chromium against the real server with 1M demo messages stored.
// `npm run bench:web` · BENCH_MESSAGES=<n> · BENCH_RUNS=<n> · BENCH_DATA_DIR=<dir> keeps/reuses the database.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo } from '../../server/bench/loadDemo.ts';
import { spawnServer } from '../../server/bench/spawnServer.ts';
import { createContext } from '../../server/src/AppContext.ts';
import { loadConfig } from '../../server/src/config.ts';
import { ensureWebBuild } from '../../server/src/web/ensureWebBuild.ts';
import { WEB_DIST } from '../../server/src/web/webPaths.ts';
import { DEFAULT_WORKSPACE } from '../../server/src/workspaces/WorkspaceService.ts';
import { launchBrowser } from '../../server/test/web/browser.ts';
import { waitForCharts } from '../../server/test/web/pageHelpers.ts';
import { initialJsSize } from './initialJs.ts';

const SIZE = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEWPORT = { width: 1440, height: 900 };
const OWNER = { email: 'bench@example.com', password: 'bench password 123' };
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const built = ensureWebBuild();
const size = initialJsSize(WEB_DIST);
console.log(`dashboard build: ${built.built ? `rebuilt in ${built.ms} ms` : 'up to date'}`);
console.log(
  `initial JS: ${size.files.length} files, ${kb(size.rawBytes)} raw, ${kb(size.gzipBytes)} gzip (goal ≤ 300 KB); CSS ${kb(size.cssGzipBytes)} gzip`,
);

const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'lla-webbench-'));
mkdirSync(dir, { recursive: true });
const marker = join(dir, `llm-analytics.duckdb.loaded-${SIZE}`);
if (!existsSync(marker)) {
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
  console.log(`loading ${SIZE.toLocaleString()} demo messages …`);
  const r = await loadDemo(ctx, DEFAULT_WORKSPACE, { messages: SIZE, now: new Date(), judgeCopies: true });
  console.log(
    `  ${r.messages.toLocaleString()} messages, ${r.evaluations.toLocaleString()} evaluations in ${r.seconds.toFixed(1)} s`,
  );
  await ctx.close();
  writeFileSync(marker, '');
}

const server = await spawnServer({ dataDir: dir, port: 3000 + Math.floor(Math.random() * 2000) + 10_000 });
const browser = await launchBrowser(VIEWPORT);
try {
  const setup = await fetch(`${server.url}/api/auth/setup`);
  if (((await setup.json()) as { needed: boolean }).needed) {
    const r = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (!r.ok) throw new Error(`setup failed: ${r.status} ${await r.text()}`);
  }
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.evaluate(async (who) => {
    const r = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    if (!r.ok) throw new Error(`login failed: ${r.status}`);
  }, OWNER);
  // Dashboard defaults (30 days, no filters, every section open) for each run.
  await page.evaluate(() => localStorage.clear());
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    await page.goto(server.url);
    await waitForCharts(page, undefined, 120_000);
    times.push(await page.evaluate(() => performance.now()));
    if (process.env.BENCH_TRACE) {
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map(
            (e) =>
              `${(e as PerformanceResourceTiming).startTime.toFixed(0).padStart(5)} → ${(e as PerformanceResourceTiming).responseEnd.toFixed(0).padStart(5)} ${e.name.replace(location.origin, '')}`,
          ),
      );
      console.log(entries.join('\n'));
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `navigation → every section rendered (${SIZE.toLocaleString()} messages, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `headless Chromium): first visit (fresh server, cold caches) ${times[0].toFixed(0)} ms; repeat visits median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, ` +
      `min ${sorted[0].toFixed(0)} ms over ${RUNS} runs (goal ≤ 1500 ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
