// Owns opening a bare store of either engine for store-level tests, and committing an ingest batch to it.
import { join } from 'node:path';
import { after } from 'node:test';
import type { IngestBatch } from '@llm-analytics/core';
import { DuckDBStore } from '../../src/store/duckdb/DuckDBStore.ts';
import { PostgresStore } from '../../src/store/postgres/PostgresStore.ts';
import { appendBatchRows, emptyRowSet } from '../../src/store/RowSet.ts';
import type { Store } from '../../src/store/Store.ts';
import { tempDir } from './tempDir.ts';
import type { Engine } from './testServer.ts';
import { freshPostgres } from './testServer.ts';

/** Runs `use` on a fresh store of `engine` (a DuckDB file or a new PostgreSQL database) and closes it. */
export async function withStore(engine: Engine, use: (store: Store) => Promise<void>): Promise<void> {
  let store: Store;
  if (engine === 'duckdb') store = await DuckDBStore.open(join(tempDir('lla-store'), 'db.duckdb'));
  else {
    const db = await freshPostgres();
    after(() => db.drop());
    store = await PostgresStore.open(db.url);
  }
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

/** Commits `batch` into workspace `ws` through the store's own commit (the writer's path, without HTTP). */
export function commitBatch(store: Store, ws: string, batch: IngestBatch): Promise<void> {
  const rows = emptyRowSet();
  appendBatchRows(rows, ws, batch);
  return store.commit(rows);
}
