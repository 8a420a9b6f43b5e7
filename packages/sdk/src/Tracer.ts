// Owns running functions in spans: the current span (AsyncLocalStorage), span ids, the clock, and ending a
// span when its function returns, throws, or its promise settles.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { FinishedSpan } from './otlpJson.ts';
import { Span, type SpanHost, type SpanOptions } from './Span.ts';

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === 'object' || typeof v === 'function') &&
  v !== null &&
  typeof (v as PromiseLike<unknown>).then === 'function';

export class Tracer implements SpanHost {
  private readonly storage = new AsyncLocalStorage<Span>();
  // Wall-clock time read once, advanced by the monotonic clock: nanosecond resolution, and an end never
  // before its start even if the system clock is set back.
  private readonly epochNs = BigInt(Date.now()) * 1_000_000n;
  private readonly hrStart = process.hrtime.bigint();

  constructor(private readonly onEnd: (span: FinishedSpan) => void) {}

  /** The span whose function is running (in this async context), if any. */
  active(): Span | undefined {
    return this.storage.getStore();
  }

  start<T>(name: string, parent: Span | null, fn: (span: Span) => T, options: SpanOptions | undefined): T {
    if (typeof fn !== 'function') throw new TypeError('LLMAnalytics: a span needs a function to run');
    const span = new Span(this, String(name), parent, options);
    return this.storage.run(span, () => {
      let result: T;
      try {
        result = fn(span);
      } catch (error) {
        span.recordException(error);
        span.end();
        throw error;
      }
      if (!isThenable(result)) {
        span.end();
        return result;
      }
      return Promise.resolve(result).then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          span.recordException(error);
          span.end();
          throw error;
        },
      ) as T;
    });
  }

  finish(span: FinishedSpan): void {
    this.onEnd(span);
  }

  now(): bigint {
    return this.epochNs + (process.hrtime.bigint() - this.hrStart);
  }

  id(bytes: number): string {
    for (;;) {
      const hex = randomBytes(bytes).toString('hex');
      if (!/^0+$/.test(hex)) return hex; // an all-zero id is invalid in OTLP
    }
  }
}
