// Owns choosing the engine: PostgreSQL when DATABASE_URL is set, else the embedded DuckDB file in DATA_DIR.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { DuckDBStore } from './store/duckdb/DuckDBStore.ts';
import { PostgresStore } from './store/postgres/PostgresStore.ts';
import type { Store } from './store/Store.ts';

export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl);
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  // Keep in-flight DuckDB calls below libuv's pool size so file and crypto work still get threads.
  return DuckDBStore.open(join(config.dataDir, 'llm-analytics.duckdb'), {
    maxInFlight: Math.max(1, threads - 2),
    // One core is left to the event loop (JSON, validation, rows): on 2 cores one DuckDB thread gave 20% less
    // server CPU per ingested message and a faster dashboard payload, whose ~10 concurrent queries run in
    // parallel on separate connections anyway (README, "Storage decisions").
    threads: config.duckdbThreads,
  });
}
