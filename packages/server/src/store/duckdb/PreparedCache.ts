// Owns reusing prepared statements per reader connection: a dashboard sends the same compiled SQL again and
// again (only the window's parameters change), and preparing its largest statements costs a few ms each time.
import type {
  DuckDBConnection,
  DuckDBPreparedStatement,
  DuckDBResultReader,
  DuckDBValue,
} from '@duckdb/node-api';

interface Entry {
  ready: Promise<DuckDBPreparedStatement>;
  busy: boolean;
}

export class PreparedCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly max = 64,
  ) {}

  /** Runs `sql` with `params`; a statement already in use (or one that cannot be prepared) runs unprepared. */
  async run(sql: string, params: DuckDBValue[]): Promise<DuckDBResultReader> {
    let entry = this.entries.get(sql);
    if (entry?.busy) return this.conn.runAndReadAll(sql, params);
    if (entry) {
      this.entries.delete(sql); // re-insert: the map's order is least recently used first
      this.entries.set(sql, entry);
    } else {
      this.evict();
      entry = { ready: this.conn.prepare(sql), busy: false };
      this.entries.set(sql, entry);
    }
    entry.busy = true;
    try {
      let stmt: DuckDBPreparedStatement;
      try {
        stmt = await entry.ready;
      } catch {
        this.entries.delete(sql);
        return await this.conn.runAndReadAll(sql, params);
      }
      stmt.bind(params);
      return await stmt.runAndReadAll();
    } finally {
      entry.busy = false;
    }
  }

  /** Runs `sql` unprepared: a statement that is never sent twice (a COPY to a new file) stays out of the cache. */
  runOnce(sql: string, params: DuckDBValue[]): Promise<DuckDBResultReader> {
    return this.conn.runAndReadAll(sql, params);
  }

  private evict(): void {
    for (const [sql, e] of this.entries) {
      if (this.entries.size < this.max) return;
      if (e.busy) continue;
      this.entries.delete(sql);
      e.ready.then((s) => s.destroySync()).catch(() => {});
    }
  }

  /** Drops the prepared statements (the connection stays open). */
  async dropStatements(): Promise<void> {
    for (const e of this.entries.values()) {
      const stmt = await e.ready.catch(() => null);
      stmt?.destroySync();
    }
    this.entries.clear();
  }

  /** Drops the statements and closes the connection. */
  async close(): Promise<void> {
    await this.dropStatements();
    this.conn.closeSync();
  }
}
