// Owns group commit: concurrent ingest requests share one transaction; each is acknowledged after it commits.
import { appendRowSets, type RowSet, rowCount } from '../store/RowSet.ts';
import type { Store } from '../store/Store.ts';

interface Pending {
  rows: RowSet;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class GroupCommitWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly maxGroupRows = 50_000,
  ) {}

  /** Resolves once the rows are committed; rejects if their commit failed (nothing of them is stored). */
  write(rows: RowSet): Promise<void> {
    if (this.closed) return Promise.reject(new Error('writer is shut down'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.running) this.running = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const group: Pending[] = [];
      let size = 0;
      while (
        this.queue.length &&
        (group.length === 0 || size + rowCount(this.queue[0].rows) <= this.maxGroupRows)
      ) {
        const p = this.queue.shift()!;
        size += rowCount(p.rows);
        group.push(p);
      }
      try {
        await this.store.commit(group.length === 1 ? group[0].rows : appendRowSets(group.map((p) => p.rows)));
        for (const p of group) p.resolve();
      } catch (e) {
        for (const p of group) p.reject(e);
      }
    }
    this.running = null;
  }

  /** Stops taking writes and waits for everything queued to commit. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await this.running;
  }
}
