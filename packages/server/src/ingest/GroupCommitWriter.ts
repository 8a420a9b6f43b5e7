// Owns group commit: concurrent ingest requests share one transaction; each is acknowledged after it commits.
import { ApiError } from '../http/ApiError.ts';
import { appendRowSets, type RowSet, rowCount } from '../store/RowSet.ts';
import type { Store } from '../store/Store.ts';

interface Pending {
  rows: RowSet;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** How long a client refused for a full queue is told to wait (Retry-After): about a few commits' time. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Requests queue up while commits run; each commit takes everything queued (up to `maxGroupRows`). A store
 * keeps `concurrentCommits` commits in flight, and orders the ones that depend on each other.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private drained: (() => void)[] = [];
  private closed = false;
  private queuedRows = 0;

  /**
   * `maxQueuedRows` bounds what waits for a commit: past it a write is refused with a 503 and Retry-After
   * (backpressure: memory stays bounded when clients send faster than commits land). An empty queue
   * always takes a write, so one batch larger than the bound still goes through.
   */
  constructor(
    private readonly store: Store,
    private readonly maxGroupRows = 50_000,
    private readonly maxQueuedRows = Number.POSITIVE_INFINITY,
    /** Told of each committed group after its writers are acknowledged (live `data` events); must be cheap. */
    private readonly onCommit?: (rows: RowSet) => void,
  ) {}

  /** Resolves once the rows are committed; rejects if their commit failed (nothing of them is stored). */
  write(rows: RowSet): Promise<void> {
    if (this.closed) return Promise.reject(new Error('writer is shut down'));
    const n = rowCount(rows);
    if (this.queue.length && this.queuedRows + n > this.maxQueuedRows) {
      return Promise.reject(
        new ApiError(503, 'ingest_saturated', 'the writer is saturated: retry shortly', undefined, {
          'retry-after': String(RETRY_AFTER_SECONDS),
        }),
      );
    }
    this.queuedRows += n;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length && this.inFlight < this.store.concurrentCommits) {
      const group: Pending[] = [];
      let size = 0;
      while (
        this.queue.length &&
        (group.length === 0 || size + rowCount(this.queue[0].rows) <= this.maxGroupRows)
      ) {
        const p = this.queue.shift()!;
        const n = rowCount(p.rows);
        size += n;
        this.queuedRows -= n;
        group.push(p);
      }
      this.inFlight++;
      const rows = group.length === 1 ? group[0].rows : appendRowSets(group.map((p) => p.rows));
      this.store
        .commit(rows)
        .then(
          () => {
            for (const p of group) p.resolve();
            try {
              this.onCommit?.(rows);
            } catch {
              // A listener's failure must not turn a committed write into a failed one.
            }
          },
          (e) => {
            for (const p of group) p.reject(e);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
          if (this.inFlight === 0 && this.queue.length === 0) for (const d of this.drained.splice(0)) d();
        });
    }
  }

  /** Stops taking writes and waits for everything queued to commit. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.inFlight === 0 && this.queue.length === 0) return;
    await new Promise<void>((r) => this.drained.push(r));
  }
}
