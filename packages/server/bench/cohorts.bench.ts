// Benchmark: cohort materialisation (the `cohort_membership` job's work: users-by-user AnalyticsQueries, then the
// membership written in one transaction) for a heavy-users, a widget-users and a static cohort, and the
// dashboard's full payload (web/src/widgets/dashboardRequests.ts, computed fresh, concurrently) filtered by a
// cohort against unfiltered (goal: within 1.5×), on a file DuckDB loaded with demo messages (one user per 40
// messages). `npm run bench:cohorts` (1M messages) · BENCH_MESSAGES=20000 for a quick check · BENCH_RUNS
// (default 5) · BENCH_DATA_DIR=<dir> keeps the loaded database for the next run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CohortDefinition, Filter } from '@llm-analytics/core';
import { dashboardRequests } from '../../web/src/widgets/dashboardRequests.ts';
import { createContext } from '../src/AppContext.ts';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_WORKSPACE } from '../src/workspaces/WorkspaceService.ts';
import { loadDemo } from './loadDemo.ts';

const SIZE = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'lla-cbench-'));
mkdirSync(dir, { recursive: true });
const marker = join(dir, `llm-analytics.duckdb.cohorts-loaded-${SIZE}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const COHORTS: { name: string; definition: CohortDefinition }[] = [
  {
    name: 'heavy users',
    definition: {
      type: 'dynamic',
      match: 'all',
      conditions: [{ kind: 'activity', metric: 'conversations', min: 5, date_range: 'all' }],
    },
  },
  {
    name: 'widget users with a low rating',
    definition: {
      type: 'dynamic',
      match: 'all',
      conditions: [
        { kind: 'used', dimension: 'widget', values: [true] },
        { kind: 'rating', at_most: 2 },
      ],
    },
  },
  {
    name: 'uploaded list',
    definition: {
      type: 'static',
      user_ids: Array.from({ length: Math.ceil(SIZE / 100) }, (_, i) => `user_${i * 2}`),
    },
  },
];

try {
  // The runner is never started: the materialisations timed are the bench's own.
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' }));
  if (!existsSync(marker)) {
    console.log(`loading ${SIZE.toLocaleString()} demo messages …`);
    const r = await loadDemo(ctx, DEFAULT_WORKSPACE, {
      messages: SIZE,
      now: new Date(),
      onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()} messages`),
    });
    process.stdout.write('\n');
    console.log(`loaded ${r.messages.toLocaleString()} messages in ${r.seconds.toFixed(1)} s`);
    writeFileSync(marker, new Date().toISOString());
  } else console.log(`reusing the database loaded at ${readFileSync(marker, 'utf8')}`);
  const [users] = await ctx.store.query<{ n: number }>(
    'SELECT CAST(count(DISTINCT user_id) AS INTEGER) AS n FROM conversations WHERE workspace_id = $1',
    [DEFAULT_WORKSPACE],
  );
  console.log(
    `\ncohorts at ${SIZE.toLocaleString()} messages, ${users.n.toLocaleString()} users, DuckDB file, load average ${loadavg()[0].toFixed(2)}`,
  );
  const ids: string[] = [];
  for (const c of COHORTS) {
    const { id } = await ctx.cohorts.create(DEFAULT_WORKSPACE, 'bench', c);
    ids.push(id);
    const walls: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      // A new data version each run, so no reply comes from the cache.
      ctx.analytics.noteCommit(DEFAULT_WORKSPACE);
      const t0 = performance.now();
      size = (await ctx.cohorts.materialise(DEFAULT_WORKSPACE, id)).size;
      walls.push(performance.now() - t0);
    }
    console.log(
      `  materialise "${c.name}": ${size.toLocaleString()} members, median ${median(walls).toFixed(0)} ms (goal ≤ 2000 ms), runs ${walls.map((w) => w.toFixed(0)).join(' ')}`,
    );
  }

  const load = async (filter?: Filter) => {
    const reqs = dashboardRequests({ dateRange: '30d', filter, compare: true });
    const t0 = performance.now();
    await Promise.all(
      reqs.map((r) => ctx.analytics.query(DEFAULT_WORKSPACE, r.query, undefined, { fresh: true })),
    );
    return { ms: performance.now() - t0, n: reqs.length };
  };
  await load();
  const plain: number[] = [];
  const filtered: number[] = [];
  let n = 0;
  for (let i = 0; i < RUNS; i++) {
    plain.push((await load()).ms);
    const r = await load(['in', 'cohort', [ids[0]]]);
    filtered.push(r.ms);
    n = r.n;
  }
  const ratio = median(filtered) / median(plain);
  console.log(
    `  dashboard payload (${n} queries, 30 days, comparison): unfiltered median ${median(plain).toFixed(0)} ms, filtered by "${COHORTS[0].name}" ${median(filtered).toFixed(0)} ms: ${ratio.toFixed(2)}× (goal ≤ 1.5×)`,
  );
  await ctx.close();
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
