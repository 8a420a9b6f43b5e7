// Owns the `llm-analytics` command line (serve, demo, import, explain, migration-diff, keys, users); flags in `help` and the README.
import { parseArgs } from 'node:util';
import { createContext } from '../AppContext.ts';
import { SCOPES, type Scope } from '../auth/ApiKeyService.ts';
import { loadConfig } from '../config.ts';
import { VERSION } from '../version.ts';
import { DEFAULT_WORKSPACE } from '../workspaces/WorkspaceService.ts';
import { explain } from './explain.ts';
import { openIngestTarget } from './ingestTarget.ts';
import { migrationDiff } from './migrationDiff.ts';
import { serve } from './serve.ts';
import { users } from './users.ts';

const HELP = `llm-analytics ${VERSION}

Usage:
  llm-analytics serve [--port N] [--host H] [--data DIR]
  llm-analytics demo [--messages N] [--seed N] [--data DIR] [--url URL --api-key KEY]
  llm-analytics import FILE --table models|conversations|messages|evaluations|benchmarks|benchmark_results|llm_models|message_evaluations
                       [--data DIR] [--url URL --api-key KEY] [--workspace ID]
  llm-analytics explain '<AnalyticsQuery JSON>' [--dialect duckdb|postgres] [--json] [--now ISO] [--workspace ID]
                       (the plan and the SQL + params it compiles to; opens no database)
  llm-analytics export [--type complete|overview|timeseries|model_comparison] [--format csv|json|jsonl|parquet|report|pdf]
                       [--out DIR] [--from ISO] [--to ISO] [--filter '<filter JSON>'] [--metrics a,b] [--name NAME]
                       [--data DIR | --url URL --api-key KEY] [--workspace ID]   (default: complete csv, last 30 days)
  llm-analytics migration-diff [--data DIR]   (the ALTER TABLE statements the catalogue needs beyond the migrations)
  llm-analytics keys create --scope ingest|read|admin [--name NAME] [--workspace ID] [--data DIR]
  llm-analytics keys list [--workspace ID] [--data DIR]
  llm-analytics keys revoke KEY_ID [--workspace ID] [--data DIR]
  llm-analytics users create --email E --password P [--admin | --role viewer|member|admin|owner] [--name N]
                       [--workspace ID] [--data DIR]      (--admin: owner of the workspace)
  llm-analytics users list [--workspace ID] [--data DIR]

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LLM_ANALYTICS_INIT_API_KEY, BODY_LIMIT_BYTES, LOG_LEVEL,
LLM_ANALYTICS_API_KEY (default for --api-key), LLM_ANALYTICS_INIT_ADMIN_EMAIL / _PASSWORD (first owner),
SESSION_*, LOGIN_*, RATE_LIMIT_*, TRACE_RETENTION_DAYS. See the README's configuration table.`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  messages: { type: 'string' },
  seed: { type: 'string' },
  url: { type: 'string' },
  'api-key': { type: 'string' },
  table: { type: 'string' },
  scope: { type: 'string' },
  name: { type: 'string' },
  workspace: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  admin: { type: 'boolean' },
  dialect: { type: 'string' },
  json: { type: 'boolean' },
  now: { type: 'string' },
  type: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  filter: { type: 'string' },
  metrics: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function fail(message: string): never {
  console.error(`llm-analytics: ${message}`);
  process.exit(2);
}

const intFlag = (v: string | undefined, name: string, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer`);
  return n;
};

async function main(argv: string[]): Promise<void> {
  const { values: f, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (f.help || !command || command === 'help') return console.log(HELP);
  if (command === 'version') return console.log(VERSION);
  if (command === 'explain') {
    process.exitCode = explain(rest[0], { ...f, workspace: f.workspace ?? DEFAULT_WORKSPACE });
    return;
  }
  const env = { ...process.env, ...(f.data ? { DATA_DIR: f.data } : {}) };
  const config = loadConfig(env, f.port ? { port: intFlag(f.port, 'port', 3000) } : {});
  if (f.host) config.host = f.host;
  const remote = {
    url: f.url,
    apiKey: f['api-key'] ?? process.env.LLM_ANALYTICS_API_KEY,
    workspace: f.workspace,
  };

  switch (command) {
    case 'serve':
      return serve(config);
    case 'demo': {
      const { runDemo } = await import('../demo/runDemo.ts');
      const { renderProgressBar } = await import('../importer/progressBar.ts');
      const target = await openIngestTarget(config, remote);
      const total = intFlag(f.messages, 'messages', 20_000);
      const started = Date.now();
      const result = await runDemo({
        messages: total,
        seed: f.seed ? intFlag(f.seed, 'seed', 1) : undefined,
        ingest: (b) => target.ingest(b),
        onProgress: (done, all) => process.stderr.write(`\r${renderProgressBar(done, all, 30)} messages`),
      });
      await target.close();
      process.stderr.write('\n');
      console.log(
        `demo data written in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`,
      );
      return;
    }
    case 'import': {
      const file = rest[0] ?? fail('import needs a FILE');
      const table = f.table ?? fail('import needs --table');
      const { runImport } = await import('../importer/runImport.ts');
      const { renderProgressBar } = await import('../importer/progressBar.ts');
      const target = await openIngestTarget(config, remote);
      const result = await runImport({
        file,
        table: table as Parameters<typeof runImport>[0]['table'],
        ingest: (b) => target.ingest(b),
        onProgress: (read, size, rows) =>
          process.stderr.write(`\r${renderProgressBar(read, size, 30)} ${rows} rows`),
      }).finally(() => target.close());
      process.stderr.write('\n');
      console.log(`imported ${result.rows} rows into ${table}`);
      return;
    }
    case 'export': {
      const { runExportCommand } = await import('./exportCommand.ts');
      const out = await runExportCommand(config, { ...f, ...remote });
      console.log(`wrote ${out.path} (${out.rows} rows, ${out.bytes} bytes)`);
      return;
    }
    case 'migration-diff':
      process.exitCode = await migrationDiff(config);
      return;
    case 'keys':
      return keys(rest, f, config);
    case 'users': {
      const error = await users(rest, f, config, f.workspace ?? DEFAULT_WORKSPACE);
      if (error) fail(error);
      return;
    }
    default:
      fail(`unknown command "${command}"\n\n${HELP}`);
  }
}

async function keys(
  rest: string[],
  f: { scope?: string; name?: string; workspace?: string },
  config: ReturnType<typeof loadConfig>,
): Promise<void> {
  const ctx = await createContext(config);
  const ws = f.workspace ?? DEFAULT_WORKSPACE;
  try {
    if (!(await ctx.workspaces.get(ws))) fail(`no workspace "${ws}"`);
    const [sub, id] = rest;
    if (sub === 'create') {
      if (!SCOPES.includes(f.scope as Scope)) fail(`--scope must be one of ${SCOPES.join(', ')}`);
      const key = await ctx.keys.create(ws, f.scope as Scope, { name: f.name, createdBy: 'cli' });
      console.log(
        `created ${key.scope} key ${key.id} in workspace ${ws}\n\n  ${key.key}\n\nIt is shown only now.`,
      );
    } else if (sub === 'list') {
      console.table(
        (await ctx.keys.list(ws)).map((k) => ({
          id: k.id,
          prefix: k.prefix,
          scope: k.scope,
          name: k.name,
          created_at: k.created_at,
          last_used_at: k.last_used_at,
          revoked: k.revoked_at ? 'yes' : '',
        })),
      );
    } else if (sub === 'revoke') {
      if (!id) fail('keys revoke needs a KEY_ID');
      if (!(await ctx.keys.revoke(ws, id))) fail(`no key ${id} in workspace ${ws}`);
      console.log(`revoked ${id}`);
    } else fail('keys needs create, list or revoke');
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).catch((e: Error) => fail(e.message));
