// Owns the types of postgresPlan.mjs (plain JS so scripts/test.mjs runs on bare node; typed for the tests).
export declare const DEFAULT_PG_URL: string;

export interface PgCluster {
  version: string;
  name: string;
  port: number;
  /** pg_lsclusters' status column: 'online', 'down', … */
  status: string;
}

export interface PostgresFacts {
  /** TEST_PG_URL, or DEFAULT_PG_URL. */
  url: string;
  /** A TCP connection to the URL's host:port succeeded. */
  reachable: boolean;
  /** process.getuid() === 0. */
  root: boolean;
  /** pg_lsclusters' rows; null when it is not installed. */
  clusters: PgCluster[] | null;
}

export type PostgresAction =
  | { action: 'use' }
  | { action: 'start'; commands: string[][]; cluster: string }
  | {
      action: 'warn';
      code: 'postgres_unreachable' | 'postgres_not_accepting' | 'postgres_needs_root';
      message: string;
    };

export declare function postgresPlan(facts: PostgresFacts): PostgresAction;
