// Owns one endpoint's delivery: its queue, size-triggered and targeted send jobs run one at a time in queue
// order, and what flush() waits for and reports.
import type { ResolvedOptions } from './options.ts';
import type { EncodedItem, RecordQueue } from './queue.ts';
import { sendBatch } from './transport.ts';

/** A dropped batch, remembered so that a flush() waiting on an earlier in-flight send can report it. */
interface Failure {
  serial: number;
  start: number;
  error: Error;
}

const noop = (): void => {};

/**
 * Sends the items of one queue to one URL in ordered batches: when `flushAt` items are queued, on `tick()`, and
 * on `flush()`. One request at a time; each batch goes through `sendBatch` (timeout, retries with backoff).
 */
export class BatchSender<K extends string> {
  /** Settles after the last scheduled send job; every job runs after the previous one (one request at a time). */
  private chain: Promise<void> = Promise.resolve();
  private jobs = 0;
  private sizeJobScheduled = false;
  /** Items added so far, and items taken off the queue so far (a position in the enqueue order). */
  private added = 0;
  private taken = 0;
  private inFlight = 0;
  private failureSerial = 0;
  private failures: Failure[] = [];

  constructor(
    private readonly url: string,
    private readonly queue: RecordQueue<K>,
    private readonly options: ResolvedOptions,
    /** Receives failures of background jobs. */
    private readonly report: (error: unknown) => void,
    /** Inspects an acknowledgement (the reply's JSON body); must not throw. */
    private readonly onReply: (reply: unknown, attempts: number) => void = noop,
  ) {}

  /** Bytes of a request body with no items: an item must fit in `maxBatchBytes` beside them. */
  get emptyBytes(): number {
    return this.queue.emptyBytes;
  }

  /** Items held: queued, or in a request that has not been answered yet. */
  get buffered(): number {
    return this.queue.length + this.inFlight;
  }

  add(item: EncodedItem<K>): void {
    this.queue.push(item);
    this.added++;
    if (this.queue.length >= this.options.flushAt && !this.sizeJobScheduled) {
      this.sizeJobScheduled = true;
      this.schedule(null).catch(this.report);
    }
  }

  /** The interval trigger: sends what is queued unless a job is already scheduled. */
  tick(): void {
    if (this.queue.length === 0 || this.jobs > 0) return;
    this.schedule(this.added).catch(this.report);
  }

  /**
   * Sends every item added before the call and resolves once the server acknowledged them. Rejects with the first
   * `IngestError` if a batch holding such items was dropped; items added after that batch stay queued.
   */
  async flush(): Promise<void> {
    const target = this.added;
    const serialAtCall = this.failureSerial;
    await this.schedule(target);
    // A batch already in flight when flush() was called belonged to an earlier (background) job.
    const missed = this.failures.find((f) => f.serial > serialAtCall && f.start < target);
    if (missed) throw missed.error;
  }

  /**
   * Appends a send job to the chain. With a target, the job sends until every item added before that position
   * has been taken; with null (size trigger), it sends while at least `flushAt` items are queued.
   */
  private schedule(target: number | null): Promise<void> {
    this.jobs++;
    const job = this.chain.then(async () => {
      try {
        await this.sendUntil(target);
      } finally {
        this.jobs--;
        if (target === null) this.sizeJobScheduled = false;
      }
    });
    this.chain = job.then(noop, noop);
    return job;
  }

  private async sendUntil(target: number | null): Promise<void> {
    const { flushAt, maxBatchBytes } = this.options;
    while (this.queue.length > 0 && (target === null ? this.queue.length >= flushAt : this.taken < target)) {
      const batch = this.queue.take(flushAt, maxBatchBytes);
      if (!batch) return;
      const start = this.taken;
      this.taken += batch.items;
      this.inFlight += batch.items;
      try {
        const { reply, attempts } = await sendBatch(this.options, this.url, batch);
        this.onReply(reply, attempts);
      } catch (error) {
        const failure = { serial: ++this.failureSerial, start, error: error as Error };
        this.failures.push(failure);
        if (this.failures.length > 32) this.failures.shift();
        throw error;
      } finally {
        this.inFlight -= batch.items;
      }
    }
  }
}
