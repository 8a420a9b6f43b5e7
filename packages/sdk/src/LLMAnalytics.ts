// Owns the client: enqueueing records, size- and interval-triggered sends, one ordered sender, flush and shutdown.
import { ClientClosedError, InvalidRecordError, QueueFullError } from './errors.ts';
import { type LLMAnalyticsOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import { EMPTY_BODY_BYTES, RecordQueue } from './queue.ts';
import {
  type NewConversation,
  type NewEvaluation,
  type NewMessage,
  type NewModel,
  prepareRecord,
  type RecordKind,
} from './records.ts';
import { sendBatch } from './transport.ts';

/** A dropped batch, remembered so that a flush() waiting on an earlier in-flight send can report it. */
interface Failure {
  serial: number;
  start: number;
  error: Error;
}

const noop = (): void => {};

/**
 * Typed client for `POST /api/ingest`. Records are queued in memory and sent in ordered batches by a single
 * sender: when `flushAt` records are queued, every `flushIntervalMs`, and on `flush()` / `shutdown()`.
 */
export class LLMAnalytics {
  private readonly options: ResolvedOptions;
  private readonly queue = new RecordQueue();
  private readonly timer: NodeJS.Timeout;
  /** Settles after the last scheduled send job; every job runs after the previous one (one request at a time). */
  private chain: Promise<void> = Promise.resolve();
  private jobs = 0;
  private sizeJobScheduled = false;
  private closed = false;
  /** Records enqueued so far, and records taken off the queue so far (a position in the enqueue order). */
  private enqueued = 0;
  private taken = 0;
  private inFlight = 0;
  private failureSerial = 0;
  private failures: Failure[] = [];

  constructor(options: LLMAnalyticsOptions) {
    this.options = resolveOptions(options);
    this.timer = setInterval(() => this.onTick(), this.options.flushIntervalMs);
    this.timer.unref();
  }

  /** Queues a model (upserted by `model_id`) and returns its `model_id`. */
  model(model: NewModel): string {
    return this.enqueue('models', model);
  }

  /** Queues a conversation and returns its id (generated when absent). */
  conversation(conversation: NewConversation): string {
    return this.enqueue('conversations', conversation);
  }

  /** Queues a message and returns its id (generated when absent). */
  message(message: NewMessage): string {
    return this.enqueue('messages', message);
  }

  /** Queues an evaluation and returns its id (generated when absent). */
  evaluation(evaluation: NewEvaluation): string {
    return this.enqueue('evaluations', evaluation);
  }

  /** Records held by the client: queued, or in a request that has not been answered yet. */
  get buffered(): number {
    return this.queue.length + this.inFlight;
  }

  /**
   * Sends every record queued before the call and resolves once the server acknowledged them. Rejects with the
   * first `IngestError` if a batch holding such records was dropped; records queued after that batch stay queued.
   */
  async flush(): Promise<void> {
    const target = this.enqueued;
    const serialAtCall = this.failureSerial;
    await this.schedule(target);
    // A batch already in flight when flush() was called belonged to an earlier (background) job.
    const missed = this.failures.find((f) => f.serial > serialAtCall && f.start < target);
    if (missed) throw missed.error;
  }

  /**
   * Stops the interval timer, refuses further records, and sends everything still queued. Every batch is
   * attempted; rejects with the first failure (later ones go to `onError`). Safe to call more than once.
   */
  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    let first: unknown;
    for (;;) {
      try {
        await this.flush();
      } catch (error) {
        if (first === undefined) first = error;
        else this.report(error);
      }
      if (this.queue.length === 0 && this.inFlight === 0) break;
    }
    if (first !== undefined) throw first;
  }

  private enqueue(kind: RecordKind, input: object): string {
    if (this.closed) throw new ClientClosedError();
    const { id, record } = prepareRecord(kind, input, this.options.validate);
    if (EMPTY_BODY_BYTES + record.bytes > this.options.maxBatchBytes) {
      throw new InvalidRecordError(kind.slice(0, -1), [
        {
          path: '',
          message: `encodes to ${record.bytes} bytes, over the ${this.options.maxBatchBytes}-byte batch limit`,
        },
      ]);
    }
    if (this.buffered >= this.options.maxQueueSize) throw new QueueFullError(this.options.maxQueueSize);
    this.queue.push(record);
    this.enqueued++;
    if (this.queue.length >= this.options.flushAt && !this.sizeJobScheduled) {
      this.sizeJobScheduled = true;
      this.schedule(null).catch((error: unknown) => this.report(error));
    }
    return id;
  }

  private onTick(): void {
    if (this.queue.length === 0 || this.jobs > 0) return;
    this.schedule(this.enqueued).catch((error: unknown) => this.report(error));
  }

  /**
   * Appends a send job to the chain. With a target, the job sends until every record enqueued before that
   * position has been taken; with null (size trigger), it sends while at least `flushAt` records are queued.
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
        await sendBatch(this.options, batch);
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

  private report(error: unknown): void {
    try {
      this.options.onError(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // an onError that throws must not turn into an unhandled rejection
    }
  }
}
