// Owns starting the real server for tests: fresh DuckDB file (or a fresh PostgreSQL database), real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName } from '@llm-analytics/core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type AppContext, createContext } from '../../src/AppContext.ts';
import type { Scope } from '../../src/auth/ApiKeyService.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/buildApp.ts';
import { DEFAULT_WORKSPACE } from '../../src/workspaces/WorkspaceService.ts';

export type Engine = DialectName;
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestServer {
  url: string;
  adminKey: string;
  workspaceId: string;
  ctx: AppContext;
  /** The Fastify app (accounts tests enumerate its routes via registeredRoutes(app)). */
  app: FastifyInstance;
  count(
    table: 'messages' | 'conversations' | 'models' | 'evaluations' | 'tool_calls',
    workspaceId?: string,
  ): Promise<number>;
  createKey(scope: Scope, workspaceId?: string): Promise<string>;
  close(): Promise<void>;
}

/** Makes a throw-away PostgreSQL database and returns its URL and a dropper. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lla_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // pool.end() resolves before its sockets have closed; dropping WITH (FORCE) then kills them and the
      // client emits an uncaught error. Wait (≤ 2 s) for the database's connections to go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(
  opts: { engine?: Engine; config?: Partial<Config>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'lla-test-'));
  const pgdb = opts.engine === 'postgres' ? await freshPostgres() : null;
  const config = loadConfig(
    { DATA_DIR: dir, LOG_LEVEL: 'warn' },
    { databaseUrl: pgdb?.url ?? null, port: 0, ...opts.config },
  );
  const ctx = await createContext(config);
  // Every reply is checked against its route's schema: each route test checks the contract too.
  const app = await buildApp(ctx, {
    checkReplies: true,
    ...(opts.logStream ? { logStream: opts.logStream } : { logger: false }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const admin = await ctx.keys.create(DEFAULT_WORKSPACE, 'admin', { name: 'test admin' });
  return {
    url: `http://127.0.0.1:${port}`,
    adminKey: admin.key,
    workspaceId: DEFAULT_WORKSPACE,
    ctx,
    app,
    async count(table, workspaceId = DEFAULT_WORKSPACE) {
      const [r] = await ctx.store.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`,
        [workspaceId],
      );
      return Number(r.n);
    },
    async createKey(scope, workspaceId = DEFAULT_WORKSPACE) {
      if (!(await ctx.workspaces.get(workspaceId))) await ctx.workspaces.create(workspaceId, workspaceId);
      return (await ctx.keys.create(workspaceId, scope)).key;
    },
    async close() {
      await app.close();
      await ctx.close();
      await pgdb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
