// Owns running commits on several writer connections at once: a commit may overlap another only when their
// rows are independent (no id, no parent a child points at, and no newly coded value in common); and running
// one transaction alone between them (the services' writes, removing a workspace).

import type { DuckDBConnection } from '@duckdb/node-api';

interface Running {
  keys: Set<string>;
  done: Promise<void>;
}

const intersects = (a: Set<string>, b: Set<string>) => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
};

/**
 * DuckDB appends of concurrent transactions do not conflict, and one commit's statements leave the other
 * cores idle (the event loop was idle half the time under sustained ingest). Two dependent commits (the same
 * id, or a parent and its child) still run one after the other, in arrival order, so upsert order and the
 * writer's context lookups and repairs see what they would with one connection.
 */
export class CommitLanes {
  private readonly free: DuckDBConnection[];
  private readonly all: DuckDBConnection[];
  private running: Running[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(connections: DuckDBConnection[]) {
    this.free = [...connections];
    this.all = [...connections];
  }

  get size(): number {
    return this.all.length;
  }

  /** Resolves when no commit is running. */
  async idle(): Promise<void> {
    while (this.running.length) await Promise.all(this.running.map((r) => r.done));
  }

  close(): void {
    for (const c of this.all) c.closeSync();
  }

  /**
   * Runs `fn` on a writer connection once every commit admitted before it has ended; commits arriving while
   * it runs are admitted after it ends. It takes the admission turn like a commit, so `run` pays nothing.
   */
  async runAlone<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    let admitted!: () => void;
    const turn = this.queue;
    this.queue = new Promise((r) => {
      admitted = r;
    });
    await turn;
    try {
      await this.idle();
      const conn = this.free.pop()!;
      try {
        return await fn(conn);
      } finally {
        this.free.push(conn);
      }
    } finally {
      admitted();
    }
  }

  /** Runs `fn` on a free connection once no running commit shares a key with `keys`. */
  async run<T>(keys: Set<string>, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    // Admission is in arrival order: a later commit never starts before an earlier one it depends on.
    let admitted!: () => void;
    const turn = this.queue;
    this.queue = new Promise((r) => {
      admitted = r;
    });
    await turn;
    let settle!: () => void;
    const me: Running = { keys, done: new Promise((r) => (settle = r)) };
    try {
      for (;;) {
        const blockers = this.running.filter((r) => intersects(r.keys, keys));
        if (blockers.length === 0 && this.free.length > 0) break;
        await Promise.race((blockers.length ? blockers : this.running).map((r) => r.done));
      }
      this.running.push(me);
    } finally {
      admitted();
    }
    const conn = this.free.pop()!;
    try {
      return await fn(conn);
    } finally {
      this.free.push(conn);
      this.running = this.running.filter((r) => r !== me);
      settle();
    }
  }
}
