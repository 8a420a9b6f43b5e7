// Owns the storage contract every engine implements: reads with bound params, transactions for the
// services' writes, one batched writer for ingest.
import type { DialectName, SqlValue } from '@llm-analytics/core';
import type { FactScope } from './FactScope.ts';
import type { RowSet } from './RowSet.ts';

export type { SqlValue };
export type Row = Record<string, unknown>;

export interface CommitCounts {
  models: number;
  conversations: number;
  messages: number;
  evaluations: number;
}

export interface Store {
  readonly dialect: DialectName;
  /** Human description for /api/health (engine, file or host). */
  readonly location: string;
  /** Runs a read with `$1…` placeholders; BIGINT/DECIMAL come back as numbers, timestamps as ISO strings.
   *  Writes go through `transaction` (or a store method): here they would run outside the writer. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /**
   * Runs `fn`'s statements in ONE transaction on one connection: all of them commit, or (when `fn` throws)
   * none, and the error is rethrown. Readers never see part of it. On DuckDB it runs alone on the writer,
   * between ingest commits. `fn` must not call `commit`, `transaction` or `removeWorkspace` (they would
   * wait for it), and should be short: ingest commits wait while it runs.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * An engine that writes a read's rows to a file itself (DuckDB's COPY) saves turning every row into JavaScript
   * values: `select` is a read with `$n` params, `options` the COPY options. Resolves with the rows written.
   */
  copyTo?(select: string, params: readonly SqlValue[], path: string, options: string): Promise<number>;
  /** Writes several requests' rows in ONE transaction (upsert by id); resolves after commit. */
  commit(rows: RowSet): Promise<void>;
  /** How many commits the writer may keep in flight at once (the store orders dependent ones). */
  readonly concurrentCommits: number;
  /** How SQL keeps the workspace's fact rows (messages, evaluations, tool calls) to it. */
  factScope(workspaceId: string): FactScope;
  /**
   * Deletes the workspace and every row of it, in every table of the catalogue, in one transaction, and
   * drops what the store holds in memory about it (a workspace re-created with its id starts afresh).
   */
  removeWorkspace(workspaceId: string): Promise<void>;
  close(): Promise<void>;
}

/** The statements of one transaction (Store.transaction): the same `query`, all on its connection. */
export type Tx = Pick<Store, 'query'>;
/** Where a query module runs its statement: the store, or a transaction. */
export type Db = Pick<Store, 'query'> | Tx;
