// Owns the client: enqueueing records and spans, the interval trigger of both senders, flush and shutdown.
import type { OtlpTraceResponse } from '@llm-analytics/core';
import { assignVariant } from './assignVariant.ts';
import { BatchSender } from './BatchSender.ts';
import { ClientClosedError, IngestError, InvalidRecordError, QueueFullError } from './errors.ts';
import { type LLMAnalyticsOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import { encodeSpan, type FinishedSpan, tracesEnvelope } from './otlpJson.ts';
import { RecordQueue } from './queue.ts';
import {
  ingestBody,
  KINDS,
  type NewBenchmark,
  type NewBenchmarkResult,
  type NewConversation,
  type NewEvaluation,
  type NewMessage,
  type NewModel,
  prepareRecord,
  type RecordKind,
} from './records.ts';
import type { Span, SpanOptions } from './Span.ts';
import { Tracer } from './Tracer.ts';

/**
 * Typed client for `POST /api/ingest` (records) and `POST /v1/traces` (spans). Records and ended spans are
 * queued in memory and sent in ordered batches, one request at a time per endpoint: when `flushAt` are queued,
 * every `flushIntervalMs`, and on `flush()` / `shutdown()`.
 */
export class LLMAnalytics {
  private readonly options: ResolvedOptions;
  private readonly records: BatchSender<RecordKind>;
  private readonly spans: BatchSender<'spans'>;
  private readonly tracer = new Tracer((span) => this.enqueueSpan(span));
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(options: LLMAnalyticsOptions) {
    this.options = resolveOptions(options);
    const report = (error: unknown) => this.report(error);
    this.records = new BatchSender(
      this.options.ingestUrl,
      new RecordQueue(KINDS, ingestBody),
      this.options,
      report,
    );
    this.spans = new BatchSender(
      this.options.tracesUrl,
      new RecordQueue(['spans'] as const, tracesEnvelope(this.options.serviceName)),
      this.options,
      report,
      (reply, attempts) => this.onTracesReply(reply, attempts),
    );
    this.timer = setInterval(() => {
      this.records.tick();
      this.spans.tick();
    }, this.options.flushIntervalMs);
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

  /**
   * Assigns `user_id` a variant of `experiment` (assignVariant: deterministic hashing, optional weights) and
   * records it: queues the conversation with `experiment_name: experiment` and `session_id: <variant>`. Returns
   * the conversation's id and the variant, for the application to act on.
   */
  experimentConversation<V extends string>(
    experiment: string,
    variants: readonly V[],
    conversation: NewConversation & { user_id: string },
    weights?: readonly number[],
  ): { conversationId: string; variant: V } {
    const variant = assignVariant(experiment, conversation.user_id, variants, weights);
    const conversationId = this.conversation({
      ...conversation,
      experiment_name: experiment,
      session_id: variant,
    });
    return { conversationId, variant };
  }

  /** Queues a message and returns its id (generated when absent). */
  message(message: NewMessage): string {
    return this.enqueue('messages', message);
  }

  /** Queues an evaluation and returns its id (generated when absent). */
  evaluation(evaluation: NewEvaluation): string {
    return this.enqueue('evaluations', evaluation);
  }

  /** Queues a benchmark (its `id` names it in results) and returns the id. */
  benchmark(benchmark: NewBenchmark): string {
    return this.enqueue('benchmarks', benchmark);
  }

  /** Queues one judged benchmark item and returns its id (generated when absent). */
  benchmarkResult(result: NewBenchmarkResult): string {
    return this.enqueue('benchmark_results', result);
  }

  /**
   * Runs `fn` in the root span of a new trace and returns what it returns (a promise for an async `fn`). The
   * span ends when `fn` returns or its promise settles; a throw or rejection sets status ERROR, adds an
   * `exception` event, and is rethrown. The ended span is queued for `POST /v1/traces`.
   */
  trace<T>(name: string, fn: (span: Span) => T, options?: SpanOptions): T {
    if (this.closed) throw new ClientClosedError();
    return this.tracer.start(name, null, fn, options);
  }

  /** Like `trace()`, in a child span of the current span (a new trace when there is none). */
  span<T>(name: string, fn: (span: Span) => T, options?: SpanOptions): T {
    if (this.closed) throw new ClientClosedError();
    return this.tracer.start(name, this.tracer.active() ?? null, fn, options);
  }

  /** The span whose function is running in this async context, if any. */
  get activeSpan(): Span | undefined {
    return this.tracer.active();
  }

  /** Records and spans held by the client: queued, or in a request that has not been answered yet. */
  get buffered(): number {
    return this.records.buffered + this.spans.buffered;
  }

  /**
   * Sends every record and span queued before the call and resolves once the server acknowledged them. Rejects
   * with the first `IngestError` if a batch holding such records or spans was dropped (a second endpoint's
   * failure goes to `onError`); what was queued after that batch stays queued.
   */
  async flush(): Promise<void> {
    const results = await Promise.allSettled([this.records.flush(), this.spans.flush()]);
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    for (const error of errors.slice(1)) this.report(error);
    if (errors.length > 0) throw errors[0];
  }

  /**
   * Stops the interval timer, refuses further records and spans, and sends everything still queued. Every batch
   * is attempted; rejects with the first failure (later ones go to `onError`). Safe to call more than once.
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
      if (this.buffered === 0) break;
    }
    if (first !== undefined) throw first;
  }

  private enqueue(kind: RecordKind, input: object): string {
    if (this.closed) throw new ClientClosedError();
    const { id, record } = prepareRecord(kind, input, this.options.validate);
    if (this.records.emptyBytes + record.bytes > this.options.maxBatchBytes) {
      throw new InvalidRecordError(kind.slice(0, -1), [
        {
          path: '',
          message: `encodes to ${record.bytes} bytes, over the ${this.options.maxBatchBytes}-byte batch limit`,
        },
      ]);
    }
    if (this.records.buffered >= this.options.maxQueueSize)
      throw new QueueFullError(this.options.maxQueueSize);
    this.records.add(record);
    return id;
  }

  /** Queues an ended span. It is never thrown into the code it measured: a span that cannot be queued is
   * dropped and reported to `onError`. */
  private enqueueSpan(span: FinishedSpan): void {
    const json = encodeSpan(span);
    const bytes = Buffer.byteLength(json);
    if (this.closed) this.report(new ClientClosedError());
    else if (this.spans.emptyBytes + bytes > this.options.maxBatchBytes) {
      this.report(
        new InvalidRecordError(`span "${span.name}"`, [
          {
            path: '',
            message: `encodes to ${bytes} bytes, over the ${this.options.maxBatchBytes}-byte batch limit`,
          },
        ]),
      );
    } else if (this.spans.buffered >= this.options.maxQueueSize) {
      this.report(new QueueFullError(this.options.maxQueueSize));
    } else {
      this.spans.add({ kind: 'spans', json, bytes });
    }
  }

  /** The server stores the valid spans of a batch and counts the others; those are reported, never re-sent. */
  private onTracesReply(reply: unknown, attempts: number): void {
    const partial = (reply as OtlpTraceResponse | null)?.partialSuccess;
    if (!partial || partial.rejectedSpans <= 0) return;
    this.report(
      new IngestError({
        status: 200,
        code: 'partial_success',
        message: partial.errorMessage,
        attempts,
        retryable: false,
        items: partial.rejectedSpans,
      }),
    );
  }

  private report(error: unknown): void {
    try {
      this.options.onError(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // an onError that throws must not turn into an unhandled rejection
    }
  }
}
