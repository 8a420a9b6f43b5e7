// Owns the storage contract every engine implements: reads with bound params, one batched writer.
import type { Dialect } from './migrations.ts';
import type { RowSet } from './RowSet.ts';

export type SqlValue = string | number | boolean | null | string[];
export type Row = Record<string, unknown>;

export interface CommitCounts {
  models: number;
  conversations: number;
  messages: number;
  evaluations: number;
}

export interface Store {
  readonly dialect: Dialect;
  /** Human description for /api/health (engine, file or host). */
  readonly location: string;
  /** Runs a read (or an admin statement) with `$1…` placeholders; BIGINT/DECIMAL come back as numbers,
   *  timestamps as ISO strings. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Writes several requests' rows in ONE transaction (upsert by id); resolves after commit. */
  commit(rows: RowSet): Promise<void>;
  /** How many commits the writer may keep in flight at once (the store orders dependent ones); default 1. */
  readonly commitLanes?: number;
  /**
   * The workspace's integer key in the fact tables' `ws` column, for stores that keep one (DuckDB); undefined
   * while none of its fact rows is stored. Analytics filter on it instead of comparing workspace_id text.
   */
  workspaceKey?(workspaceId: string): number | undefined;
  /** Drops what the store holds in memory about a workspace whose rows were just deleted (value codes). */
  forgetWorkspace?(workspaceId: string): void;
  close(): Promise<void>;
}
